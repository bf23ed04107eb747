package dev.keel.notification.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Notices that a disabled account was enabled again. auth-service announces disabling but
 * not re-enabling; it issues no token to a disabled account, though, so a token issued
 * well after the account was disabled (more than {@link #CLOCK_SKEW}, for the clocks of
 * auth-service's instances) shows an admin enabled it again. Every authenticated API call
 * checks that: an update that matches nothing unless the caller's account is disabled.
 */
@Component
class AccountReenabling implements HandlerInterceptor {

	static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private static final Logger log = LoggerFactory.getLogger(AccountReenabling.class);

	private final AccountStore store;

	AccountReenabling(AccountStore store) {
		this.store = store;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt && jwt.getSubject() != null
				&& jwt.getIssuedAt() != null) {
			Instant issuedAt = jwt.getIssuedAt();
			if (this.store.enabledAgain(jwt.getSubject(), issuedAt.minus(CLOCK_SKEW))) {
				log.info("User {} holds a token issued at {}, after they were disabled: enabled again",
						jwt.getSubject(), issuedAt);
			}
		}
		return true;
	}

}
