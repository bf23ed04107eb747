package dev.keel.notification.email;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How notification-service sends email, under {@code keel.notification.email}.
 *
 * @param appUrl where the links in emails point: the app's own pages, or by default the
 * pages the gateway serves ({@code KEEL_APP_URL})
 * @param from the sender
 * @param pollInterval how often queued emails are looked at when nothing new arrived
 * @param initialBackoff the wait after a first failed attempt; doubled on each failure
 * @param maxBackoff the longest wait between attempts
 * @param giveUpAfter how long an email is retried before it is marked failed
 * @param notificationsPerHour the most notification emails one user is sent in an hour;
 * further notifications in that hour reach only the inbox (security emails are not
 * counted)
 */
@ConfigurationProperties("keel.notification.email")
record EmailProperties(@DefaultValue("http://localhost:8080") String appUrl,
		@DefaultValue("Keel <no-reply@keel.local>") String from, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("5s") Duration initialBackoff, @DefaultValue("10m") Duration maxBackoff,
		@DefaultValue("24h") Duration giveUpAfter, @DefaultValue("20") int notificationsPerHour) {

	String link(String path, String token) {
		String base = this.appUrl.endsWith("/") ? this.appUrl.substring(0, this.appUrl.length() - 1) : this.appUrl;
		return base + path + ((token != null) ? "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) : "");
	}

}
