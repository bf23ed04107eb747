package dev.keel.auth.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The security-relevant acts the audit log records. */
public enum AuditAction {

	SIGN_IN, SIGN_IN_FAILED, LOCKOUT, PASSWORD_CHANGED, EMAIL_CHANGED, ROLES_CHANGED, USER_DISABLED, USER_ENABLED,
	USER_UPGRADED, KEY_ROTATED, SERVICE_ACCOUNT_CREATED, SERVICE_ACCOUNT_DELETED, IDENTITY_LINKED, IDENTITY_UNLINKED;

	/** The name stored and shown, such as {@code sign_in_failed}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<AuditAction> of(String value) {
		return Arrays.stream(values()).filter((action) -> action.value().equals(value)).findFirst();
	}

}
