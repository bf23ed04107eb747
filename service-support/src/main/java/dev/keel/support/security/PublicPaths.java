package dev.keel.support.security;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Turns {@code keel.security.public-paths} entries ({@code /path/**}, or
 * {@code GET /path/**} for one method) into permit-all rules.
 */
final class PublicPaths {

	private PublicPaths() {
	}

	static void permit(List<String> entries,
			AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
		for (String entry : entries) {
			String path = entry.strip();
			int space = path.indexOf(' ');
			if (space > 0) {
				HttpMethod method = HttpMethod.valueOf(path.substring(0, space).toUpperCase(Locale.ROOT));
				requests.requestMatchers(method, path.substring(space + 1).strip()).permitAll();
			}
			else {
				requests.requestMatchers(path).permitAll();
			}
		}
	}

}
