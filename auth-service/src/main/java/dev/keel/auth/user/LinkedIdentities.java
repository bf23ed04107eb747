package dev.keel.auth.user;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.keel.support.web.KeelProblemException;

/**
 * The caller's own provider identities: listing them, and unlinking one unless it is the
 * last way into the account (no password and no other identity).
 */
@Service
class LinkedIdentities {

	/** One linked identity as the API shows it: never a provider token. */
	record IdentityView(String provider, String email, boolean emailVerified, Instant linkedAt) {

		static IdentityView of(Identity identity) {
			return new IdentityView(identity.provider(), identity.email(), identity.emailVerified(),
					identity.linkedAt());
		}

	}

	/** The answer of {@code GET /api/auth/me/identities}. */
	record IdentitiesView(List<IdentityView> identities, boolean hasPassword) {
	}

	private final Users users;

	private final Identities identities;

	LinkedIdentities(Users users, Identities identities) {
		this.users = users;
		this.identities = identities;
	}

	IdentitiesView of(String userId) {
		User user = this.users.findById(userId).orElseThrow(Responses::userGone);
		return new IdentitiesView(this.identities.of(userId).stream().map(IdentityView::of).toList(),
				user.passwordHash() != null);
	}

	void unlink(String userId, String provider) {
		User user = this.users.findById(userId).orElseThrow(Responses::userGone);
		List<Identity> linked = this.identities.of(userId);
		if (linked.stream().noneMatch((identity) -> identity.provider().equals(provider))) {
			throw KeelProblemException.notFound("identity_not_found",
					"No identity of provider '" + provider + "' is linked to this account.");
		}
		if (user.passwordHash() == null && linked.size() == 1) {
			throw new KeelProblemException(HttpStatus.CONFLICT, "last_sign_in_method",
					"This is the account's only way to sign in; set a password or link another provider first.");
		}
		this.identities.remove(userId, provider);
	}

}
