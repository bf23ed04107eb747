package dev.keel.auth.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;

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
 * {@code /account/verify-email}, opened from the "Confirm your email address" email: the
 * GET shows a button, the POST it sends redeems the token.
 */
@Component
class EmailVerificationPages {

	static final String PATH = "/account/verify-email";

	private static final String FORM = """
			<p>Confirm that this address is yours to finish setting up your account.</p>
			<form method="post" action="/account/verify-email">
			<input type="hidden" name="token" value="%s">
			<button type="submit">Confirm my email address</button>
			</form>
			""";

	private static final Fragment CONFIRMED = Html.fill("""
			<p>Thank you. You can close this page and go back to the app.</p>
			""");

	private static final Fragment UNUSABLE = Html.fill("""
			<p>This link is invalid, has already been used or has expired: each link works once,
			for 24 hours.</p>
			<p>If you have already confirmed your address, there is nothing more to do. Otherwise,
			sign in to the app and ask for a new confirmation email.</p>
			""");

	private final AccountRecovery recovery;

	private final FormReader forms;

	private final Pages pages;

	EmailVerificationPages(AccountRecovery recovery, FormReader forms, Pages pages) {
		this.recovery = recovery;
		this.forms = forms;
		this.pages = pages;
	}

	ResponseEntity<String> show(String token) {
		return LinkTokens.of(token)
			.map((valid) -> this.pages.render(HttpStatus.OK, "Confirm your email address", Html.fill(FORM, valid)))
			.orElseGet(this.pages::brokenLink);
	}

	ResponseEntity<String> submit(HttpServletRequest request) throws IOException {
		return this.forms.submit(request,
				(form) -> LinkTokens.of(form.get("token"))
					.map((token) -> answer(Attempts.of("Email verification", () -> this.recovery.verifyEmail(token))))
					.orElseGet(this.pages::brokenLink));
	}

	private ResponseEntity<String> answer(RecoveryResult result) {
		return switch (result) {
			case Done done -> this.pages.render(HttpStatus.OK, "Your email address is confirmed", CONFIRMED);
			case InvalidLink invalid ->
				this.pages.render(HttpStatus.BAD_REQUEST, "This link can no longer be used", UNUSABLE);
			case Refused refused ->
				this.pages.render(HttpStatus.BAD_REQUEST, "This link can no longer be used", UNUSABLE);
			case Busy busy -> this.pages.busy(busy.retryAfter());
			case Unavailable unavailable -> this.pages.unavailable();
		};
	}

}
