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
 */
@ConfigurationProperties("keel.auth.users")
record UserProperties(@DefaultValue("24h") Duration verificationTokenLifetime,
		@DefaultValue("1h") Duration resetTokenLifetime, String bootstrapAdminEmail, String bootstrapAdminPassword) {
}
