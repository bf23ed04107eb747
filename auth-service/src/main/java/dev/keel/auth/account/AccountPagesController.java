package dev.keel.auth.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Maps the account pages: GET (and HEAD, which link checkers probe with; neither spends a
 * token) shows a page, POST submits its form. Any other method or path under
 * {@code /account} gets the usual problem+json answer.
 */
@RestController
class AccountPagesController {

	private final EmailVerificationPages verification;

	private final PasswordResetPages reset;

	private final ForgotPasswordPages forgot;

	private final SignInPages signIn;

	AccountPagesController(EmailVerificationPages verification, PasswordResetPages reset, ForgotPasswordPages forgot,
			SignInPages signIn) {
		this.verification = verification;
		this.reset = reset;
		this.forgot = forgot;
		this.signIn = signIn;
	}

	@GetMapping(SignInPages.PATH)
	ResponseEntity<String> showSignIn(@RequestParam(required = false) @Nullable String token) {
		return this.signIn.show(token);
	}

	@PostMapping(SignInPages.PATH)
	ResponseEntity<String> signIn(HttpServletRequest request) throws IOException {
		return this.signIn.submit(request);
	}

	@GetMapping(EmailVerificationPages.PATH)
	ResponseEntity<String> showVerification(@RequestParam(required = false) @Nullable String token) {
		return this.verification.show(token);
	}

	@PostMapping(EmailVerificationPages.PATH)
	ResponseEntity<String> verify(HttpServletRequest request) throws IOException {
		return this.verification.submit(request);
	}

	@GetMapping(PasswordResetPages.PATH)
	ResponseEntity<String> showReset(@RequestParam(required = false) @Nullable String token) {
		return this.reset.show(token);
	}

	@PostMapping(PasswordResetPages.PATH)
	ResponseEntity<String> reset(HttpServletRequest request) throws IOException {
		return this.reset.submit(request);
	}

	@GetMapping(ForgotPasswordPages.PATH)
	ResponseEntity<String> showForgot() {
		return this.forgot.show();
	}

	@PostMapping(ForgotPasswordPages.PATH)
	ResponseEntity<String> forgot(HttpServletRequest request) throws IOException {
		return this.forgot.submit(request);
	}

}
