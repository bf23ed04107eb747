package dev.keel.auth.user;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Asks for a passwordless sign-in email; the code is redeemed at the token endpoint
 * ({@code grant_type=urn:keel:otp}).
 */
@RestController
class OtpController {

	private final OtpService otp;

	OtpController(OtpService otp) {
		this.otp = otp;
	}

	/** Always 202, whether or not the address has an account. */
	@PostMapping("/api/auth/otp")
	ResponseEntity<Void> request(@Valid @RequestBody UserRequests.Forgot request) {
		this.otp.request(request.email());
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

}
