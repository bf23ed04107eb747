package dev.keel.auth.user;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Email verification and password reset. */
@RestController
@RequestMapping("/api/auth")
class RecoveryController {

	private final RecoveryService recovery;

	RecoveryController(RecoveryService recovery) {
		this.recovery = recovery;
	}

	@PostMapping("/email/verify")
	ResponseEntity<Void> verify(@Valid @RequestBody UserRequests.TokenRedemption request) {
		Responses.user(this.recovery.verifyEmail(request.token()));
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/email/resend")
	ResponseEntity<Void> resend(@AuthenticationPrincipal Jwt caller) {
		Responses.user(this.recovery.resendVerification(caller.getSubject()));
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

	@PostMapping("/password/forgot")
	ResponseEntity<Void> forgot(@Valid @RequestBody UserRequests.Forgot request) {
		this.recovery.forgotPassword(request.email());
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

	@PostMapping("/password/reset")
	ResponseEntity<Void> reset(@Valid @RequestBody UserRequests.PasswordReset request) {
		Responses.user(this.recovery.resetPassword(request.token(), request.newPassword()));
		return ResponseEntity.noContent().build();
	}

}
