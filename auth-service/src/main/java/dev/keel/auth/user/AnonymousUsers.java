package dev.keel.auth.user;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.token.AnonymousSignup;
import dev.keel.auth.token.Principal;
import dev.keel.auth.user.OneTimeTokens.Issued;
import dev.keel.auth.user.OneTimeTokens.Purpose;
import dev.keel.auth.user.Outcomes.Change;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.EmailTaken;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.NotAnonymous;
import dev.keel.auth.user.Outcomes.NotFound;
import dev.keel.auth.provider.ProviderIdentity;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.IdentityLinked;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.auth.UserUpgraded;

/**
 * Anonymous users: created with no email and no password by the
 * {@code urn:keel:anonymous} grant (when switched on), and upgraded in place, keeping
 * their id, once they set an email and a password. Whatever they own elsewhere is owned
 * by that id, so it stays theirs.
 */
@Service
class AnonymousUsers implements AnonymousSignup {

	private final Users users;

	private final PasswordPolicy policy;

	private final UserService accounts;

	private final OneTimeTokens tokens;

	private final UserEvents events;

	private final UserProperties properties;

	private final AuditLog audit;

	AnonymousUsers(Users users, PasswordPolicy policy, UserService accounts, OneTimeTokens tokens, UserEvents events,
			UserProperties properties, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.policy = policy;
		this.accounts = accounts;
		this.tokens = tokens;
		this.events = events;
		this.properties = properties;
	}

	@Override
	public Optional<Principal> signUpAnonymously() {
		if (!this.properties.anonymous().signupsEnabled()) {
			return Optional.empty();
		}
		Instant now = Instant.now();
		User user = new User(new ObjectId().toHexString(), null, null, null, List.of(Principal.ANONYMOUS_ROLE), false,
				false, now, now);
		this.users.insert(user, UserRegistered.of(user.id(), null, null, UserRegistered.ANONYMOUS));
		return Optional.of(LoginService.principal(user));
	}

	/**
	 * Removes the users who are still anonymous and were created before the cutoff, and
	 * whose events have all been published. Their sessions end with them: the refresh
	 * grant refuses a user who no longer exists.
	 * @return how many were removed
	 */
	long removeStale(Duration olderThan) {
		Instant cutoff = Instant.now().minus(olderThan);
		return this.users.deleteWhere(Criteria.where("roles")
			.is(Principal.ANONYMOUS_ROLE)
			.and("createdAt")
			.lt(cutoff)
			.and("_outbox.0")
			.exists(false));
	}

	/**
	 * Sets an anonymous user's email and password: the {@code anonymous} role becomes
	 * {@code user}, and the address gets a verification email as at signup. The caller's
	 * session goes on; its next refresh carries the new roles and the email.
	 */
	Change upgrade(String id, UserRequests.Upgrade request) {
		Optional<User> user = this.users.findById(id);
		if (user.isEmpty()) {
			return new NotFound();
		}
		if (!user.get().roles().contains(Principal.ANONYMOUS_ROLE)) {
			return new NotAnonymous();
		}
		Optional<String> weak = this.policy.problem(request.password());
		if (weak.isPresent()) {
			return Invalid.of("password", weak.get());
		}
		return upgrade(user.get(), User.normalize(request.email()), request.displayName(),
				this.accounts.encode(request.password()));
	}

	/**
	 * Upgrades an anonymous user who linked a provider (the identity is already theirs):
	 * the {@code user} role, and the provider's email when it verified it and no account
	 * has it. Publishes {@code keel.user.upgraded} and {@code keel.user.identity-linked}.
	 * @return the user afterwards
	 */
	User upgrade(User user, ProviderIdentity identity) {
		String email = identity.verifiedEmail();
		if (email != null && this.users.exists(email)) {
			email = null;
		}
		String normalized = (email != null) ? User.normalize(email) : null;
		String name = (user.displayName() != null) ? user.displayName() : identity.name();
		Update changes = new Update().set("roles", List.of(User.DEFAULT_ROLE))
			.set("displayName", name)
			.set("emailVerified", normalized != null);
		if (normalized != null) {
			// Without one the field stays absent, as the sparse unique index needs.
			changes.set("email", normalized);
		}
		Update update = this.events.appendTo(changes, UserUpgraded.of(user.id(), normalized, name),
				IdentityLinked.of(user.id(), normalized, identity.provider()));
		try {
			return this.users
				.updateWhere(Criteria.where("_id").is(user.id()).and("roles").is(Principal.ANONYMOUS_ROLE), update)
				.orElse(user);
		}
		catch (DuplicateKeyException ex) {
			return upgrade(user,
					new ProviderIdentity(identity.provider(), identity.subject(), null, false, identity.name()));
		}
	}

	private Change upgrade(User user, String email, String displayName, String passwordHash) {
		String name = (displayName != null) ? displayName : user.displayName();
		Issued link = this.tokens.issue(user.id(), Purpose.VERIFY_EMAIL, this.properties.verificationTokenLifetime());
		Update update = this.events.appendTo(
				new Update().set("email", email)
					.set("displayName", name)
					.set("passwordHash", passwordHash)
					.set("roles", List.of(User.DEFAULT_ROLE))
					.set("emailVerified", false),
				UserUpgraded.of(user.id(), email, name),
				EmailVerificationRequested.of(user.id(), email, name, link.token(), link.expiresAt()));
		try {
			// Only while still anonymous: two upgrades at once cannot both win.
			Optional<User> upgraded = this.users
				.updateWhere(Criteria.where("_id").is(user.id()).and("roles").is(Principal.ANONYMOUS_ROLE), update);
			upgraded.ifPresent(
					(done) -> this.audit.record(AuditFact.done(AuditAction.USER_UPGRADED, user.id(), user.id())));
			return upgraded.<Change>map(Done::new).orElseGet(NotAnonymous::new);
		}
		catch (DuplicateKeyException ex) {
			return new EmailTaken();
		}
	}

}
