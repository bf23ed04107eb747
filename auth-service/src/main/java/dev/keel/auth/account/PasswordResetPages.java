package dev.keel.auth.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

import dev.keel.auth.account.FormReader.Form;
import dev.keel.auth.account.Html.Fragment;
import dev.keel.auth.account.RecoveryResult.Busy;
import dev.keel.auth.account.RecoveryResult.Done;
import dev.keel.auth.account.RecoveryResult.InvalidLink;
import dev.keel.auth.account.RecoveryResult.Refused;
import dev.keel.auth.account.RecoveryResult.Unavailable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code /account/reset-password}, opened from the "Reset your password" email: the GET
 * shows the new-password form, the POST sets the password. A refused password shows the
 * form again; the password is checked before the token is spent, so the link still works
 * for the next try.
 */
@Component
class PasswordResetPages {

	static final String PATH = "/account/reset-password";

	private static final String TITLE = "Choose a new password";

	private static final String FORM = """
			<form method="post" action="/account/reset-password">
			<input type="hidden" name="token" value="%s">
			<p class="error">%s</p>
			<label for="password">New password</label>
			<input type="password" id="password" name="password" required minlength="8" maxlength="128"
			  autocomplete="new-password">
			<label for="confirm">Repeat the new password</label>
			<input type="password" id="confirm" name="confirm" required minlength="8" maxlength="128"
			  autocomplete="new-password">
			<button type="submit">Set my new password</button>
			</form>
			""";

	private static final Fragment CHANGED = Html.fill("""
			<p>You can now sign in with your new password. For your safety, every device that was
			signed in to your account has been signed out.</p>
			""");

	private static final Fragment UNUSABLE = Html.fill("""
			<p>This link is invalid, has already been used or has expired: each link works once,
			for one hour. Your password has not been changed.</p>
			<p><a href="/account/forgot-password">Ask for a new link</a></p>
			""");

	private static final String NEW_PASSWORD = "newPassword";

	private final AccountRecovery recovery;

	private final FormReader forms;

	private final Pages pages;

	PasswordResetPages(AccountRecovery recovery, FormReader forms, Pages pages) {
		this.recovery = recovery;
		this.forms = forms;
		this.pages = pages;
	}

	ResponseEntity<String> show(String token) {
		return LinkTokens.of(token)
			.map((valid) -> this.pages.render(HttpStatus.OK, TITLE, Html.fill(FORM, valid, "")))
			.orElseGet(this.pages::brokenLink);
	}

	ResponseEntity<String> submit(HttpServletRequest request) throws IOException {
		return this.forms.submit(request,
				(form) -> LinkTokens.of(form.get("token"))
					.map((token) -> reset(token, form))
					.orElseGet(this.pages::brokenLink));
	}

	private ResponseEntity<String> reset(String token, Form form) {
		String password = form.get("password");
		if (!password.equals(form.get("confirm"))) {
			return formAgain(token, "The two passwords do not match.");
		}
		return answer(Attempts.of("Password reset", () -> this.recovery.resetPassword(token, password)), token);
	}

	private ResponseEntity<String> answer(RecoveryResult result, String token) {
		return switch (result) {
			case Done done -> this.pages.render(HttpStatus.OK, "Your password has been changed", CHANGED);
			case Refused refused when NEW_PASSWORD.equals(refused.field()) ->
				formAgain(token, "The new password " + refused.message() + ".");
			case Refused refused -> unusable();
			case InvalidLink invalid -> unusable();
			case Busy busy -> this.pages.busy(busy.retryAfter());
			case Unavailable unavailable -> this.pages.unavailable();
		};
	}

	private ResponseEntity<String> unusable() {
		return this.pages.render(HttpStatus.BAD_REQUEST, "This link can no longer be used", UNUSABLE);
	}

	private ResponseEntity<String> formAgain(String token, String error) {
		return this.pages.render(HttpStatus.BAD_REQUEST, TITLE, Html.fill(FORM, token, error));
	}

}
