package dev.keel.storage.config;

import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What kind of deployment this is ({@code keel.profile}, {@code KEEL_PROFILE}):
 * {@code local} (the default) allows the published development signing secret,
 * {@code production} refuses to start with it. Any other value stops the service, so a
 * typo never passes for a production setting.
 *
 * @param profile {@code local} or {@code production} ({@code development} is read as
 * {@code local})
 */
@ConfigurationProperties("keel")
public record DeploymentProfile(@DefaultValue("local") String profile) {

	public static final String PRODUCTION = "production";

	public DeploymentProfile {
		String value = (profile != null) ? profile.trim().toLowerCase(Locale.ROOT) : "local";
		profile = switch (value) {
			case "", "local", "development" -> "local";
			case PRODUCTION -> PRODUCTION;
			default ->
				throw new IllegalArgumentException("KEEL_PROFILE must be local or production, not '" + profile + "'");
		};
	}

	public boolean production() {
		return PRODUCTION.equals(this.profile);
	}

}
