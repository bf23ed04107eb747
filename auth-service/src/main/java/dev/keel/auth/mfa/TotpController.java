package dev.keel.auth.mfa;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's TOTP factor: {@code POST} starts (or restarts) an enrollment,
 * {@code POST verify} confirms it with a first code and answers the ten recovery codes,
 * {@code DELETE} removes a confirmed factor with a fresh code.
 */
@RestController
@RequestMapping("/api/auth/me/mfa/totp")
class TotpController {

	private final TotpService totp;

	TotpController(TotpService totp) {
		this.totp = totp;
	}

	record EnrollmentResponse(String secret, String otpauthUri, String qrCode) {
	}

	record CodeRequest(@NotBlank String code) {
	}

	record RecoveryCodesResponse(List<String> recoveryCodes) {
	}

	@PostMapping
	ResponseEntity<EnrollmentResponse> enroll(@AuthenticationPrincipal Jwt caller) {
		String accountName = (caller.getClaimAsString("email") != null) ? caller.getClaimAsString("email")
				: caller.getSubject();
		TotpService.Enrollment enrollment = this.totp.enroll(caller.getSubject(), accountName);
		return ResponseEntity.status(HttpStatus.CREATED)
			.body(new EnrollmentResponse(enrollment.secret(), enrollment.otpauthUri(),
					QrCodes.pngDataUrl(enrollment.otpauthUri())));
	}

	@PostMapping("/verify")
	RecoveryCodesResponse verify(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody CodeRequest request) {
		return new RecoveryCodesResponse(this.totp.confirm(caller.getSubject(), request.code()));
	}

	@DeleteMapping
	ResponseEntity<Void> remove(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody CodeRequest request) {
		this.totp.remove(caller.getSubject(), request.code());
		return ResponseEntity.noContent().build();
	}

}
