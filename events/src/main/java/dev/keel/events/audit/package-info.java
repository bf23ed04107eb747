/**
 * Events of the audit log of security events: one per recorded entry, so that other
 * services can follow the log and, later, add entries of their own.
 */
package dev.keel.events.audit;
