package dev.keel.auth.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the actor proved who they are, for sign-ins. */
public enum AuditMethod {

	PASSWORD, OTP, MAGIC_LINK, PROVIDER, ANONYMOUS, CLIENT_SECRET;

	/** The name stored and shown, such as {@code magic_link}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The method of a stored name, such as a sign-in handoff's {@code magic_link}. */
	public static Optional<AuditMethod> named(String value) {
		return Arrays.stream(values()).filter((method) -> method.value().equals(value)).findFirst();
	}

}
