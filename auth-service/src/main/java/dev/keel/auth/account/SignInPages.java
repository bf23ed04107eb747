package dev.keel.auth.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.keel.auth.account.Html.Fragment;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * {@code /account/sign-in}, opened from the link in a passwordless sign-in email: the GET
 * shows a button and spends nothing (mail scanners fetch links), the POST it sends uses
 * the link up and sends the browser back to the app ({@code 303} to its
 * {@code redirect_to?code=…}), where the app exchanges the code with its PKCE verifier.
 */
@Component
class SignInPages {

	static final String PATH = "/account/sign-in";

	private static final Logger logger = LoggerFactory.getLogger(SignInPages.class);

	private static final String FORM = """
			<p>Continue to sign in to the app you asked to sign in to.</p>
			<form method="post" action="/account/sign-in">
			<input type="hidden" name="token" value="%s">
			<button type="submit">Sign me in</button>
			</form>
			<p>Open this link on the device and in the browser where you asked for it.</p>
			""";

	private static final Fragment UNUSABLE = Html.fill("""
			<p>This sign-in link is invalid, has already been used or has expired: each link works
			once, for 10 minutes, and using the code from the same email ends it too.</p>
			<p>Go back to the app and ask for a new sign-in email.</p>
			""");

	private final AccountRecovery recovery;

	private final FormReader forms;

	private final Pages pages;

	SignInPages(AccountRecovery recovery, FormReader forms, Pages pages) {
		this.recovery = recovery;
		this.forms = forms;
		this.pages = pages;
	}

	ResponseEntity<String> show(String token) {
		Optional<String> valid = LinkTokens.of(token);
		if (valid.isEmpty()) {
			return this.pages.brokenLink();
		}
		Optional<String> target;
		try {
			target = this.recovery.signInLinkTarget(valid.get()).flatMap(Pages::sourceOf);
		}
		catch (RuntimeException ex) {
			logger.warn("Reading a sign-in link failed: {}", ex.toString());
			return this.pages.unavailable();
		}
		return target
			.map((source) -> this.pages.renderWithFormTarget(HttpStatus.OK, "Sign in", Html.fill(FORM, valid.get()),
					source))
			.orElseGet(this::unusable);
	}

	ResponseEntity<String> submit(HttpServletRequest request) throws IOException {
		return this.forms.submit(request,
				(form) -> LinkTokens.of(form.get("token")).map(this::signIn).orElseGet(this.pages::brokenLink));
	}

	private ResponseEntity<String> signIn(String token) {
		try {
			return this.recovery.signInWithLink(token).map(this.pages::seeOther).orElseGet(this::unusable);
		}
		catch (RuntimeException ex) {
			logger.warn("Signing in with a link failed: {}", ex.toString());
			return this.pages.unavailable();
		}
	}

	private ResponseEntity<String> unusable() {
		return this.pages.render(HttpStatus.BAD_REQUEST, "This link can no longer be used", UNUSABLE);
	}

}
