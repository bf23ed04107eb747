package dev.keel.auth.user;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

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

	private final Users users;

	private final UserEvents events;

	private final SessionRevocation sessions;

	AdminUserService(Users users, UserEvents events, SessionRevocation sessions) {
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
		Optional<User> before = this.users.findById(id);
		if (before.isEmpty()) {
			return new NotFound();
		}
		Update update = new Update();
		List<UserEvent> changes = new ArrayList<>();
		if (request.roles() != null) {
			List<String> roles = List.copyOf(new LinkedHashSet<>(request.roles()));
			update.set("roles", roles);
			if (!Set.copyOf(roles).equals(Set.copyOf(before.get().roles()))) {
				changes.add(UserRolesChanged.of(id, before.get().email(), roles));
			}
		}
		boolean disabling = Boolean.TRUE.equals(request.disabled()) && !before.get().disabled();
		boolean enabling = Boolean.FALSE.equals(request.disabled()) && before.get().disabled();
		if (request.disabled() != null) {
			update.set("disabled", request.disabled());
		}
		if (disabling) {
			changes.add(UserDisabled.of(id, before.get().email()));
		}
		if (enabling) {
			changes.add(UserEnabled.of(id, before.get().email()));
		}
		if (!changes.isEmpty()) {
			// one push for all: a second push of the outbox field would replace the first
			this.events.appendTo(update, changes.toArray(UserEvent[]::new));
		}
		Optional<User> after = this.users.update(id, update);
		if (disabling) {
			this.sessions.revokeAllSessions(id);
		}
		return after.<Change>map(Done::new).orElseGet(NotFound::new);
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
