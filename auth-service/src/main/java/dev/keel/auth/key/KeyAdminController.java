package dev.keel.auth.key;

import java.time.Instant;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rotation of the signing key on command. */
@RestController
class KeyAdminController {

	private final KeyRotations keys;

	KeyAdminController(KeyRotations keys) {
		this.keys = keys;
	}

	@PostMapping("/api/auth/admin/keys/rotate")
	@PreAuthorize("hasRole('admin')")
	@ResponseStatus(HttpStatus.CREATED)
	RotatedKey rotate() {
		StoredSigningKey key = this.keys.rotate();
		return new RotatedKey(key.id(), key.createdAt());
	}

	/** The new active key. */
	record RotatedKey(String kid, Instant activatedAt) {
	}

}
