package dev.keel.auth.user;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's linked provider identities (linking starts at
 * {@code POST /api/auth/me/identities}, in the provider feature).
 */
@RestController
@RequestMapping("/api/auth/me/identities")
class IdentityController {

	private final LinkedIdentities identities;

	IdentityController(LinkedIdentities identities) {
		this.identities = identities;
	}

	@GetMapping
	@Operation(summary = "The caller's linked identity providers, and whether the account has a password")
	LinkedIdentities.IdentitiesView list(@AuthenticationPrincipal Jwt caller) {
		return this.identities.of(caller.getSubject());
	}

	@DeleteMapping("/{provider}")
	@Operation(summary = "Unlink an identity provider from the caller")
	@ApiResponse(responseCode = "204", description = "Unlinked")
	@ApiResponse(responseCode = "404", description = "identity_not_found")
	@ApiResponse(responseCode = "409", description = "last_sign_in_method: no password and no other identity")
	ResponseEntity<Void> unlink(@AuthenticationPrincipal Jwt caller, @PathVariable String provider) {
		this.identities.unlink(caller.getSubject(), provider);
		return ResponseEntity.noContent().build();
	}

}
