package dev.keel.auth.user;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.EmailTaken;
import dev.keel.auth.user.Outcomes.Invalid;

/**
 * Creates the first admin at start-up from {@code KEEL_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code KEEL_BOOTSTRAP_ADMIN_PASSWORD}, when both are set and no user has that email.
 * Safe with several instances starting at once: the unique email index lets only one win.
 */
@Component
class BootstrapAdmin {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final UserService users;

	private final Users store;

	private final UserProperties properties;

	BootstrapAdmin(UserService users, Users store, UserProperties properties) {
		this.users = users;
		this.store = store;
		this.properties = properties;
	}

	@EventListener(ApplicationReadyEvent.class)
	void createFirstAdmin() {
		String email = this.properties.bootstrapAdminEmail();
		String password = this.properties.bootstrapAdminPassword();
		if (email == null || email.isBlank() || password == null || password.isBlank() || this.store.exists(email)) {
			return;
		}
		switch (this.users.signup(email, password, "Admin", List.of(User.DEFAULT_ROLE, User.ADMIN_ROLE), true)) {
			case Done done -> log.info("Created the bootstrap admin {}", done.user().email());
			case Invalid invalid -> log.error("KEEL_BOOTSTRAP_ADMIN_PASSWORD is refused: {}. No admin was created; "
					+ "set a stronger password and restart.", invalid.errors().getFirst().message());
			case EmailTaken taken -> log.info("The bootstrap admin {} already exists", email);
			default -> log.warn("The bootstrap admin {} was not created", email);
		}
	}

}
