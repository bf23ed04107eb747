package dev.keel.auth.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the account pages, under {@code keel.auth.account-pages}.
 *
 * @param maxFormSize the largest form a page reads; a larger one gets 413
 * @param retryAfter how long the "try again shortly" page tells the browser to wait
 */
@ConfigurationProperties("keel.auth.account-pages")
record AccountPageSettings(@DefaultValue("8KB") DataSize maxFormSize, @DefaultValue("5s") Duration retryAfter) {

	String retryAfterSeconds() {
		return Long.toString(Math.max(1, this.retryAfter.toSeconds()));
	}

}
