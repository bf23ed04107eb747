package dev.keel.auth.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.token.SessionRevocation;
import dev.keel.auth.user.Outcomes.Change;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.Listing;
import dev.keel.auth.user.Outcomes.Page;
import dev.keel.auth.user.Outcomes.NotFound;
import dev.keel.events.auth.UserDisabled;
import dev.keel.events.auth.UserEnabled;
import dev.keel.events.auth.UserEvent;
import dev.keel.events.auth.UserRolesChanged;

/** What an admin may do to users: list, look up, change roles, disable and enable. */
@Service
class AdminUserService {

	static final int MAX_LIMIT = 100;

	private static final int MAX_ROUNDS = 50;

	private final Users users;

	private final UserEvents events;

	private final SessionRevocation sessions;

	private final AuditLog audit;

	AdminUserService(Users users, UserEvents events, SessionRevocation sessions, AuditLog audit) {
		this.audit = audit;
		this.users = users;
		this.events = events;
		this.sessions = sessions;
	}

	/** A page of users, or the field that makes the request invalid. */
	Listing list(String emailPrefix, int limit, String cursor) {
		if (limit < 1 || limit > MAX_LIMIT) {
			return Invalid.of("limit", "must be between 1 and " + MAX_LIMIT);
		}
		Optional<String> afterId = decode(cursor);
		if (afterId == null) {
			return Invalid.of("cursor", "is not a cursor this API returned");
		}
		List<User> page = this.users.page(emailPrefix, afterId.orElse(null), limit + 1);
		boolean more = page.size() > limit;
		List<User> items = more ? page.subList(0, limit) : page;
		String next = more ? encode(items.getLast().id()) : null;
		return new Page(items.stream().map(UserView::of).toList(), next);
	}

	Optional<User> find(String id) {
		return this.users.findById(id);
	}

	/**
	 * Changes roles and the disabled flag; disabling ends every session and refuses new
	 * tokens. A change of roles (not a repeat of the same ones), disabling and enabling
	 * again are announced, in the same write, so that consumers drop what the old roles
	 * allowed at once and stop or resume delivering to the user.
	 */
	Change update(String id, UserRequests.AdminUpdate request) {
		// a round is lost only to another admin's change of the same fields, written
		// meanwhile
		for (int round = 0; round < MAX_ROUNDS; round++) {
			Optional<User> before = this.users.findById(id);
			if (before.isEmpty()) {
				return new NotFound();
			}
			Optional<User> after = apply(before.get(), request);
			if (after.isPresent()) {
				return new Done(after.get());
			}
		}
		throw new IllegalStateException("User " + id + " changed under " + MAX_ROUNDS + " updates in a row");
	}

	/**
	 * Writes the change and its events provided the fields it sets are still as read, so
	 * that the events announce exactly the changes made, in the order they were made (two
	 * admins enabling and disabling a user at once cannot leave the last event saying
	 * otherwise than the user's document).
	 * @return the user afterwards, or empty when another change got in first
	 */
	private Optional<User> apply(User before, UserRequests.AdminUpdate request) {
		Update update = new Update();
		Criteria unchanged = Criteria.where("_id").is(before.id());
		List<UserEvent> changes = new ArrayList<>();
		if (request.roles() != null) {
			setRoles(before, request.roles(), update, unchanged).ifPresent(changes::add);
		}
		if (request.disabled() != null) {
			setDisabled(before, request.disabled(), update, unchanged).ifPresent(changes::add);
		}
		if (!changes.isEmpty()) {
			// one push for all: a second push of the outbox field would replace the first
			this.events.appendTo(update, changes.toArray(UserEvent[]::new));
		}
		Optional<User> after = this.users.updateWhere(unchanged, update);
		if (after.isPresent() && changes.stream().anyMatch(UserDisabled.class::isInstance)) {
			this.sessions.revokeAllSessions(before.id());
		}
		if (after.isPresent()) {
			changes.forEach((change) -> this.audit.recordByCaller(auditAction(change), before.id()));
		}
		return after;
	}

	/**
	 * Sets the roles, if the stored ones are still {@code before}'s: announced if new.
	 */
	private static Optional<UserEvent> setRoles(User before, List<String> requested, Update update,
			Criteria unchanged) {
		List<String> roles = List.copyOf(new LinkedHashSet<>(requested));
		update.set("roles", roles);
		unchanged.and("roles").is(before.roles());
		boolean changed = !Set.copyOf(roles).equals(Set.copyOf(before.roles()));
		return changed ? Optional.of(UserRolesChanged.of(before.id(), before.email(), roles)) : Optional.empty();
	}

	/**
	 * Sets the flag, if the stored one is still {@code before}'s: a turn is announced.
	 */
	private static Optional<UserEvent> setDisabled(User before, boolean disabled, Update update, Criteria unchanged) {
		update.set("disabled", disabled);
		if (before.disabled()) {
			unchanged.and("disabled").is(true);
		}
		else {
			// a document without the flag is enabled
			unchanged.and("disabled").ne(true);
		}
		if (disabled == before.disabled()) {
			return Optional.empty();
		}
		return Optional
			.of(disabled ? UserDisabled.of(before.id(), before.email()) : UserEnabled.of(before.id(), before.email()));
	}

	private static AuditAction auditAction(UserEvent change) {
		return switch (change) {
			case UserRolesChanged rolesChanged -> AuditAction.ROLES_CHANGED;
			case UserDisabled disabled -> AuditAction.USER_DISABLED;
			default -> AuditAction.USER_ENABLED;
		};
	}

	private static String encode(String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The id after which the page starts (empty for the first page), or null for a bad
	 * cursor.
	 */
	private static Optional<String> decode(String cursor) {
		if (cursor == null || cursor.isEmpty()) {
			return Optional.empty();
		}
		try {
			String id = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			return id.matches("[0-9a-f]{24}") ? Optional.of(id) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
