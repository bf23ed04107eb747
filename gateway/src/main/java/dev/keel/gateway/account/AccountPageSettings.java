package dev.keel.gateway.account;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the account pages, under {@code keel.gateway.account-pages}.
 *
 * @param timeout how long a page waits for auth-service before it answers 503
 * @param maxFormSize the largest form a page reads; a larger one gets 413
 */
@ConfigurationProperties("keel.gateway.account-pages")
record AccountPageSettings(@DefaultValue("10s") Duration timeout, @DefaultValue("8KB") DataSize maxFormSize) {

}
