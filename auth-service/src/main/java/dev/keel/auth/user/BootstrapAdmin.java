package dev.keel.auth.user;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import dev.keel.auth.config.DeploymentProfile;
import dev.keel.auth.user.Outcomes.Done;
import dev.keel.auth.user.Outcomes.EmailTaken;
import dev.keel.auth.user.Outcomes.Invalid;

/**
 * Creates the first admin at start-up from {@code KEEL_BOOTSTRAP_ADMIN_EMAIL} and
 * {@code KEEL_BOOTSTRAP_ADMIN_PASSWORD}, when both are set and no user has that email.
 * Safe with several instances starting at once: the unique email index lets only one win.
 * With {@code KEEL_PROFILE=production} the published development password stops the
 * service from starting, whether it is configured or still set on the admin.
 */
@Component
class BootstrapAdmin implements InitializingBean {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	/**
	 * The development default that {@code ./keel run} passes, published in the README.
	 */
	static final String DEVELOPMENT_PASSWORD = "keel-local-dev-admin";

	static final String DEVELOPMENT_EMAIL = "admin@keel.local";

	static final String DEVELOPMENT_PASSWORD_IN_PRODUCTION = """
			The bootstrap admin password is the published development password keel-local-dev-admin. \
			With KEEL_PROFILE=production auth-service refuses to start with it: anyone who has read Keel's \
			README could sign in as admin. Set KEEL_BOOTSTRAP_ADMIN_PASSWORD to a password of your own.""";

	private final UserService users;

	private final Users store;

	private final UserProperties properties;

	private final PasswordEncoder encoder;

	private final DeploymentProfile profile;

	BootstrapAdmin(UserService users, Users store, UserProperties properties, PasswordEncoder encoder,
			DeploymentProfile profile) {
		if (profile.production() && DEVELOPMENT_PASSWORD.equals(properties.bootstrapAdminPassword())) {
			throw new IllegalStateException(DEVELOPMENT_PASSWORD_IN_PRODUCTION);
		}
		this.users = users;
		this.store = store;
		this.properties = properties;
		this.encoder = encoder;
		this.profile = profile;
	}

	/**
	 * In production, an admin that still has the development password (created by an
	 * earlier local run on the same database) also stops the service.
	 */
	@Override
	public void afterPropertiesSet() {
		if (!this.profile.production()) {
			return;
		}
		String email = hasText(this.properties.bootstrapAdminEmail()) ? this.properties.bootstrapAdminEmail()
				: DEVELOPMENT_EMAIL;
		this.store.findByEmail(email)
			.filter((admin) -> this.encoder.matches(DEVELOPMENT_PASSWORD, admin.passwordHash()))
			.ifPresent((admin) -> {
				throw new IllegalStateException(DEVELOPMENT_PASSWORD_IN_PRODUCTION + " The admin " + admin.email()
						+ " still has it: change its password (POST /api/auth/me/password) before setting "
						+ "KEEL_PROFILE=production.");
			});
	}

	@EventListener(ApplicationReadyEvent.class)
	void createFirstAdmin() {
		String email = this.properties.bootstrapAdminEmail();
		String password = this.properties.bootstrapAdminPassword();
		if (!hasText(email) || !hasText(password) || this.store.exists(email)) {
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

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
