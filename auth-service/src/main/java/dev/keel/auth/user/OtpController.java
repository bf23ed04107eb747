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

	/**
	 * 202 whether or not the address has an account; 400 for a redirect off the
	 * allow-list or a missing or malformed PKCE challenge, before anything is sent.
	 */
	@PostMapping("/api/auth/otp")
	ResponseEntity<Void> request(@Valid @RequestBody UserRequests.Otp request) {
		this.otp.request(request).ifPresent((invalid) -> {
			throw Responses.invalid(invalid);
		});
		return ResponseEntity.status(HttpStatus.ACCEPTED).build();
	}

}
