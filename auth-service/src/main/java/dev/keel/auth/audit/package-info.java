/**
 * The audit log of security events: an append-only {@code audit} collection of who did
 * what to whom, when, from where and with what outcome (sign-ins, lockouts, account
 * changes, key rotation, service accounts, linked identities). Entries are built only
 * from typed facts ({@link dev.keel.auth.audit.AuditFact}), so no password, code, token
 * or secret can be handed to it; each is published as {@code keel.audit.recorded}, kept
 * for {@code KEEL_AUDIT_RETENTION}, and listed for admins at
 * {@code /api/auth/admin/audit}.
 */
package dev.keel.auth.audit;
