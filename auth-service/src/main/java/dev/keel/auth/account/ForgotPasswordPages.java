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
 * {@code /account/forgot-password}, linked from the "Your password was changed" email and
 * from the reset page: asks for a reset link. The answer is the same whether or not an
 * account has the address, as the API's is.
 */
@Component
class ForgotPasswordPages {

	static final String PATH = "/account/forgot-password";

	private static final String TITLE = "Reset your password";

	private static final String FORM = """
			<p>Enter the email address of your account, and we will send you a link to choose a new
			password.</p>
			<form method="post" action="/account/forgot-password">
			<p class="error">%s</p>
			<label for="email">Email address</label>
			<input type="email" id="email" name="email" value="%s" required autocomplete="email">
			<button type="submit">Send me a link</button>
			</form>
			""";

	private static final Fragment SENT = Html.fill("""
			<p>If an account exists for that address, we sent a link to it. The link works once and
			expires soon; if nothing arrives within a few minutes, check your spam folder or ask
			again.</p>
			""");

	private final AccountRecovery recovery;

	private final FormReader forms;

	private final Pages pages;

	ForgotPasswordPages(AccountRecovery recovery, FormReader forms, Pages pages) {
		this.recovery = recovery;
		this.forms = forms;
		this.pages = pages;
	}

	ResponseEntity<String> show() {
		return this.pages.render(HttpStatus.OK, TITLE, Html.fill(FORM, "", ""));
	}

	ResponseEntity<String> submit(HttpServletRequest request) throws IOException {
		return this.forms.submit(request, (form) -> {
			String email = form.get("email").strip();
			if (email.isEmpty()) {
				return formAgain("Enter your email address.", email);
			}
			return answer(Attempts.of("Password reset request", () -> this.recovery.forgotPassword(email)), email);
		});
	}

	private ResponseEntity<String> answer(RecoveryResult result, String email) {
		return switch (result) {
			case Done done -> this.pages.render(HttpStatus.OK, "Check your email", SENT);
			// Only the address itself can be refused (too long, malformed): nothing about
			// whether an account has it.
			case Refused refused -> formAgain("Enter a valid email address.", email);
			case InvalidLink invalid -> formAgain("Enter a valid email address.", email);
			case Busy busy -> this.pages.busy(busy.retryAfter());
			case Unavailable unavailable -> this.pages.unavailable();
		};
	}

	private ResponseEntity<String> formAgain(String error, String email) {
		return this.pages.render(HttpStatus.BAD_REQUEST, TITLE, Html.fill(FORM, error, email));
	}

}
