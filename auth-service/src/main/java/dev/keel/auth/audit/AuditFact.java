package dev.keel.auth.audit;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What happened, as the code where it happened knows it: only an action, an outcome, ids
 * and a method, so that nothing secret can be handed to the log. Where and under which
 * request it happened the log adds itself.
 *
 * @param action the act
 * @param success whether it succeeded
 * @param actor the user or service account that acted, or {@code null} when unknown (a
 * failed sign-in, a scheduled task)
 * @param subject the user or service account it concerns, or {@code null} when there is
 * none (a sign-in attempt for an unknown email)
 * @param method how the actor proved who they are, for sign-ins, or {@code null}
 */
public record AuditFact(AuditAction action, boolean success, @Nullable String actor, @Nullable String subject,
		@Nullable AuditMethod method) {

	public AuditFact {
		Objects.requireNonNull(action, "action");
	}

	/** A successful sign-in: the user acts on their own account. */
	public static AuditFact signedIn(String userId, AuditMethod method) {
		return new AuditFact(AuditAction.SIGN_IN, true, userId, userId, method);
	}

	/**
	 * A refused sign-in.
	 * @param userId the account it was for, or {@code null} when no account has the email
	 */
	public static AuditFact signInFailed(@Nullable String userId, AuditMethod method) {
		return new AuditFact(AuditAction.SIGN_IN_FAILED, false, null, userId, method);
	}

	/** An account locked after too many failed sign-ins. */
	public static AuditFact lockedOut(@Nullable String userId, AuditMethod method) {
		return new AuditFact(AuditAction.LOCKOUT, false, null, userId, method);
	}

	/** A successful act by {@code actor} concerning {@code subject}. */
	public static AuditFact done(AuditAction action, @Nullable String actor, @Nullable String subject) {
		return new AuditFact(action, true, actor, subject, null);
	}

}
