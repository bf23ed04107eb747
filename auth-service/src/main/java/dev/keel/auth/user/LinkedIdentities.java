package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditLog;
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

	/** The user document's mark of an unlink under way, and how long it holds at most. */
	static final String UNLINKING = "unlinkingUntil";

	static final Duration UNLINK_HOLD = Duration.ofSeconds(10);

	private final Users users;

	private final Identities identities;

	private final AuditLog audit;

	LinkedIdentities(Users users, Identities identities, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.identities = identities;
	}

	IdentitiesView of(String userId) {
		User user = this.users.findById(userId).orElseThrow(Responses::userGone);
		return new IdentitiesView(this.identities.of(userId).stream().map(IdentityView::of).toList(),
				user.passwordHash() != null);
	}

	/**
	 * Unlinks one of the caller's identities unless it is their last way in. Two unlinks
	 * of one user at the same moment could each see the other's identity still there and
	 * both succeed, leaving no way in; so one unlink at a time holds the user's
	 * {@code unlinkingUntil} mark (atomically set on the user document, released at the
	 * end, and void after {@link #UNLINK_HOLD} should the instance die meanwhile). The
	 * other is told to try again.
	 */
	void unlink(String userId, String provider) {
		Instant now = Instant.now();
		Criteria free = new Criteria().orOperator(Criteria.where(UNLINKING).exists(false),
				Criteria.where(UNLINKING).lt(now));
		User user = this.users
			.updateWhere(Criteria.where("_id").is(userId).andOperator(free),
					new Update().set(UNLINKING, now.plus(UNLINK_HOLD)))
			.orElseThrow(() -> this.users.findById(userId).isPresent() ? busy() : Responses.userGone());
		try {
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
			this.audit.recordByCaller(AuditAction.IDENTITY_UNLINKED, userId);
		}
		finally {
			this.users.update(userId, new Update().unset(UNLINKING));
		}
	}

	private static KeelProblemException busy() {
		return new KeelProblemException(HttpStatus.CONFLICT, "unlink_in_progress",
				"Another unlink of this account is under way; try again in a moment.");
	}

}
