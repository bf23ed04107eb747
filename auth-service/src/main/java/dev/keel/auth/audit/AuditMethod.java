package dev.keel.auth.audit;

import java.util.Locale;

/** How the actor proved who they are, for sign-ins. */
public enum AuditMethod {

	PASSWORD, OTP, MAGIC_LINK, PROVIDER, ANONYMOUS, CLIENT_SECRET;

	/** The name stored and shown, such as {@code magic_link}. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

}
