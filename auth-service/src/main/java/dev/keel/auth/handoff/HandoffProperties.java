package dev.keel.auth.handoff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the sign-in handoff under {@code keel.auth.handoff}.
 *
 * @param redirectAllowList where a sign-in may send the browser back to, comma-separated
 * ({@code KEEL_AUTH_REDIRECT_ALLOW_LIST}; empty: nowhere), see {@link RedirectAllowList}
 */
@ConfigurationProperties("keel.auth.handoff")
record HandoffProperties(@DefaultValue("") String redirectAllowList) {
}
