package dev.keel.auth.user;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the user features under {@code keel.auth.users}.
 *
 * @param verificationTokenLifetime how long an email-verification link works
 * @param resetTokenLifetime how long a password-reset link works
 * @param bootstrapAdminEmail the first admin's email ({@code KEEL_BOOTSTRAP_ADMIN_EMAIL})
 * @param bootstrapAdminPassword the first admin's password
 * ({@code KEEL_BOOTSTRAP_ADMIN_PASSWORD})
 * @param hashing how many password hashes may run at once
 * @param mail how many verification, reset or sign-in code emails one address may be sent
 * @param anonymous anonymous users
 */
@ConfigurationProperties("keel.auth.users")
record UserProperties(@DefaultValue("24h") Duration verificationTokenLifetime,
		@DefaultValue("1h") Duration resetTokenLifetime, String bootstrapAdminEmail, String bootstrapAdminPassword,
		@DefaultValue Hashing hashing, @DefaultValue Mail mail, @DefaultValue Anonymous anonymous) {

	/**
	 * @param signupsEnabled whether {@code grant_type=urn:keel:anonymous} creates users
	 * ({@code KEEL_ANONYMOUS_SIGNUPS_ENABLED}, off unless switched on)
	 */
	record Anonymous(@DefaultValue("false") boolean signupsEnabled) {
	}

	/**
	 * @param maxConcurrent hashes at once ({@code KEEL_AUTH_HASHING_MAX_CONCURRENT}); 0
	 * sizes it from the cores and the heap
	 * @param maxWait how long a request waits for a slot before it gets 503
	 * ({@code KEEL_AUTH_HASHING_MAX_WAIT})
	 */
	record Hashing(@DefaultValue("0") int maxConcurrent, @DefaultValue("1s") Duration maxWait) {
	}

	/**
	 * Per address and per kind (verification, reset, sign-in code), counted across
	 * instances.
	 *
	 * @param minInterval the least time between two emails
	 * ({@code KEEL_AUTH_MAIL_MIN_INTERVAL})
	 * @param maxPerHour emails within any hour ({@code KEEL_AUTH_MAIL_MAX_PER_HOUR})
	 */
	record Mail(@DefaultValue("1m") Duration minInterval, @DefaultValue("5") int maxPerHour) {

		AttemptQuota quota() {
			return new AttemptQuota(this.maxPerHour, Duration.ofHours(1), this.minInterval);
		}

	}

}
