package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.provider.ProviderAccounts;
import dev.keel.auth.provider.ProviderIdentity;
import dev.keel.auth.token.Principal;
import dev.keel.events.auth.IdentityLinked;
import dev.keel.events.auth.UserRegistered;

/**
 * Which user a provider identity signs in as (docs/auth.md#sign-in-with-a-provider): the
 * user it is linked to; else, when the provider verified the email and an account has it,
 * that account, linked now, but only if the account's own email is verified (otherwise
 * whoever registered the unverified account first could take over the provider's user, or
 * the reverse); else a new user.
 */
@Service
class IdentityAccounts implements ProviderAccounts {

	static final String ACCOUNT_EXISTS_UNVERIFIED = "account_exists_unverified";

	static final String IDENTITY_IN_USE = "identity_in_use";

	/** How old an identity without a user must be to count as left over. */
	static final Duration ORPHAN_AFTER = Duration.ofMinutes(1);

	private final Users users;

	private final Identities identities;

	private final AnonymousUsers anonymous;

	private final UserEvents events;

	private final AuditLog audit;

	IdentityAccounts(Users users, Identities identities, AnonymousUsers anonymous, UserEvents events, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.identities = identities;
		this.anonymous = anonymous;
		this.events = events;
	}

	@Override
	public Resolution signIn(ProviderIdentity identity) {
		Optional<Identity> known = this.identities.find(identity.provider(), identity.subject());
		if (known.isPresent() && orphaned(known.get())) {
			this.identities.remove(known.get());
			known = Optional.empty();
		}
		if (known.isPresent()) {
			return signInAs(known.get().userId());
		}
		String email = identity.verifiedEmail();
		Optional<User> sameEmail = (email != null) ? this.users.findByEmail(email) : Optional.empty();
		if (sameEmail.isEmpty()) {
			return register(identity);
		}
		if (!sameEmail.get().emailVerified()) {
			return new Refused(ACCOUNT_EXISTS_UNVERIFIED, "An account with this email exists but has not verified "
					+ "it. Sign in to that account another way and verify the email, then link the provider.");
		}
		return linkTo(sameEmail.get(), identity);
	}

	@Override
	public Resolution link(String userId, ProviderIdentity identity) {
		Optional<Identity> known = this.identities.find(identity.provider(), identity.subject());
		if (known.isPresent()) {
			return known.get().userId().equals(userId) ? signInAs(userId) : inUse();
		}
		Optional<User> user = this.users.findById(userId).filter((found) -> !found.disabled());
		if (user.isEmpty()) {
			return disabled();
		}
		if (user.get().roles().contains(Principal.ANONYMOUS_ROLE)) {
			return claim(user.get(), identity)
				.orElseGet(() -> new SignedIn(LoginService.principal(this.anonymous.upgrade(user.get(), identity))));
		}
		return linkTo(user.get(), identity);
	}

	/**
	 * Whether the identity is left over from a sign-up cut short between its two writes
	 * (the identity first, then the user; the embedded store has no transactions): its
	 * user does not exist and it is older than any sign-up still under way.
	 */
	private boolean orphaned(Identity identity) {
		return identity.linkedAt().isBefore(Instant.now().minus(ORPHAN_AFTER))
				&& this.users.findById(identity.userId()).isEmpty();
	}

	private Resolution signInAs(String userId) {
		return this.users.findById(userId)
			.filter((user) -> !user.disabled())
			.<Resolution>map((user) -> new SignedIn(LoginService.principal(user)))
			.orElseGet(IdentityAccounts::disabled);
	}

	private Resolution linkTo(User user, ProviderIdentity identity) {
		if (user.disabled()) {
			return disabled();
		}
		Optional<Resolution> refused = claim(user, identity);
		if (refused.isPresent()) {
			return refused.get();
		}
		User linked = this.users
			.update(user.id(),
					this.events.appendTo(new Update(), IdentityLinked.of(user.id(), user.email(), identity.provider())))
			.orElse(user);
		this.audit.record(AuditFact.done(AuditAction.IDENTITY_LINKED, user.id(), user.id()));
		return new SignedIn(LoginService.principal(linked));
	}

	/**
	 * Records the identity as the user's.
	 * @return a refusal when the user has another account of this provider already or the
	 * identity was linked elsewhere meanwhile, otherwise empty
	 */
	private Optional<Resolution> claim(User user, ProviderIdentity identity) {
		List<Identity> current = this.identities.of(user.id());
		if (current.stream().anyMatch((linked) -> linked.provider().equals(identity.provider()))) {
			return Optional.of(new Refused("provider_already_linked", "This account already has an identity of "
					+ "provider '" + identity.provider() + "'; unlink it first."));
		}
		try {
			this.identities.insert(identity(user.id(), identity));
			return Optional.empty();
		}
		catch (DuplicateKeyException ex) {
			return Optional.of(inUse());
		}
	}

	private Resolution register(ProviderIdentity identity) {
		String id = new ObjectId().toHexString();
		try {
			this.identities.insert(identity(id, identity));
		}
		catch (DuplicateKeyException ex) {
			return signIn(identity); // a sign-in of the same identity at the same moment
										// won
		}
		String email = identity.verifiedEmail();
		try {
			insert(id, (email != null) ? User.normalize(email) : null, identity);
		}
		catch (DuplicateKeyException ex) {
			insert(id, null, identity); // the address was taken meanwhile: the account
										// goes without
		}
		return signInAs(id);
	}

	private void insert(String id, String email, ProviderIdentity identity) {
		Instant now = Instant.now();
		User user = new User(id, email, identity.name(), null, List.of(User.DEFAULT_ROLE), email != null, false, now,
				now);
		this.users.insert(user, UserRegistered.viaProvider(id, email, identity.name(), identity.provider()),
				IdentityLinked.of(id, email, identity.provider()));
	}

	private static Identity identity(String userId, ProviderIdentity identity) {
		return new Identity(Identity.id(identity.provider(), identity.subject()), identity.provider(),
				identity.subject(), userId, identity.email(), identity.emailVerified(),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
	}

	private static Refused inUse() {
		return new Refused(IDENTITY_IN_USE, "This provider account is already linked to another user.");
	}

	private static Refused disabled() {
		return new Refused("access_denied", "This account cannot sign in.");
	}

}
