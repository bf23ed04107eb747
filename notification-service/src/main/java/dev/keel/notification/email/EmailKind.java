package dev.keel.notification.email;

/**
 * The emails Keel sends, with their subject, template and the page their link opens. The
 * first four are security emails, which preferences cannot mute; a notification email
 * repeats an inbox item for users who asked for email. Subjects are constants: nothing a
 * user chose ever reaches a header.
 */
enum EmailKind {

	VERIFICATION("verification", "Confirm your email address", "/account/verify-email"),

	PASSWORD_RESET("password-reset", "Reset your password", "/account/reset-password"),

	PASSWORD_CHANGED("password-changed", "Your password was changed", "/account/forgot-password"),

	SIGN_IN_CODE("sign-in-code", "Your sign-in code", "/account/sign-in"),

	NOTIFICATION("notification", "You have a new notification", "");

	private final String template;

	private final String subject;

	private final String page;

	EmailKind(String template, String subject, String page) {
		this.template = template;
		this.subject = subject;
		this.page = page;
	}

	String template() {
		return this.template;
	}

	String subject() {
		return this.subject;
	}

	String page() {
		return this.page;
	}

}
