package dev.keel.auth.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.token.SessionRevocation;
import dev.keel.auth.user.OneTimeTokens.Issued;
import dev.keel.auth.user.OneTimeTokens.Purpose;
import dev.keel.auth.user.Outcomes.Change;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.EmailTaken;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.NotFound;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.PasswordChanged;
import dev.keel.events.auth.UserRegistered;

/**
 * Signing up and the caller's own account. Each method is one consistency boundary: the
 * change and its events are written together to the user's document.
 */
@Service
class UserService {

	private final Users users;

	private final PasswordPolicy policy;

	private final PasswordEncoder encoder;

	private final OneTimeTokens tokens;

	private final UserEvents events;

	private final SessionRevocation sessions;

	private final UserProperties properties;

	private final AuditLog audit;

	UserService(Users users, PasswordPolicy policy, PasswordEncoder encoder, OneTimeTokens tokens, UserEvents events,
			SessionRevocation sessions, UserProperties properties, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.policy = policy;
		this.encoder = encoder;
		this.tokens = tokens;
		this.events = events;
		this.sessions = sessions;
		this.properties = properties;
	}

	Change signup(UserRequests.Signup request) {
		return signup(request.email(), request.password(), request.displayName(), List.of(User.DEFAULT_ROLE), false);
	}

	Change signup(String email, String password, String displayName, List<String> roles, boolean verified) {
		Optional<String> weak = this.policy.problem(password);
		if (weak.isPresent()) {
			return Invalid.of("password", weak.get());
		}
		Instant now = Instant.now();
		User user = new User(new ObjectId().toHexString(), User.normalize(email), displayName,
				this.encoder.encode(password), roles, verified, false, now, now);
		try {
			UserRegistered registered = UserRegistered.of(user.id(), user.email(), user.displayName());
			if (verified) {
				this.users.insert(user, registered);
			}
			else {
				Issued link = this.tokens.issue(user.id(), Purpose.VERIFY_EMAIL,
						this.properties.verificationTokenLifetime());
				this.users.insert(user, registered, EmailVerificationRequested.of(user.id(), user.email(),
						user.displayName(), link.token(), link.expiresAt()));
			}
			return new Done(user);
		}
		catch (DuplicateKeyException ex) {
			return new EmailTaken();
		}
	}

	Optional<User> find(String id) {
		return this.users.findById(id);
	}

	Change updateProfile(String id, UserRequests.ProfileUpdate update) {
		return this.users.update(id, new Update().set("displayName", update.displayName()))
			.<Change>map(Done::new)
			.orElseGet(NotFound::new);
	}

	/** Changes the caller's password and ends every other session of theirs. */
	Change changePassword(String id, String sessionId, UserRequests.PasswordChange change) {
		Optional<User> user = this.users.findById(id);
		if (user.isEmpty()) {
			return new NotFound();
		}
		if (!this.encoder.matches(change.currentPassword(), user.get().passwordHash())) {
			return Invalid.of("currentPassword", "is not the current password");
		}
		Optional<String> weak = this.policy.problem(change.newPassword());
		if (weak.isPresent()) {
			return Invalid.of("newPassword", weak.get());
		}
		Change changed = setPassword(user.get(), change.newPassword());
		this.sessions.revokeOtherSessions(id, sessionId);
		return changed;
	}

	Change setPassword(User user, String password) {
		return setEncodedPassword(user, encode(password));
	}

	/**
	 * Hashes a password; may throw {@link PasswordHashingBusy}, so callers hash before
	 * they spend anything single-use (such as a reset link).
	 */
	String encode(String password) {
		return this.encoder.encode(password);
	}

	Change setEncodedPassword(User user, String encodedPassword) {
		Update update = this.events.appendTo(new Update().set("passwordHash", encodedPassword),
				PasswordChanged.of(user.id(), user.email(), user.displayName()));
		Optional<User> changed = this.users.update(user.id(), update);
		changed.ifPresent((done) -> this.audit.recordByCaller(AuditAction.PASSWORD_CHANGED, user.id()));
		return changed.<Change>map(Done::new).orElseGet(NotFound::new);
	}

}
