package dev.keel.support.security;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The firewall refuses the same header characters as Spring Security's own rule. */
class HeaderFirewallTests {

	// StrictHttpFirewall's own rule for header names and values.
	private static final Pattern SPRING_RULE = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	@Test
	void allowsWhatSpringSecurityAllows() {
		List<String> samples = List.of("", "Bearer abc.def", "text/html; q=0.9", "naïve ünïcödé", "emoji \uD83D\uDE00",
				"tab\there", "new\nline", "nul\u0000", "del\u007F", "c1\u0085", "unassigned\u0378", "lone \uD800 high",
				"lone \uDC00 low", "private \uE000", "format \u200B");
		for (String sample : samples) {
			assertThat(HeaderFirewall.isAllowed(sample)).as(sample).isEqualTo(SPRING_RULE.matcher(sample).matches());
		}
	}

	@Test
	void refusesARequestWithAControlCharacterInAHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/data/collections");
		request.addHeader("X-Note", "line\u0007bell");
		assertThatExceptionOfType(RequestRejectedException.class)
			.isThrownBy(() -> HeaderFirewall.create().getFirewalledRequest(request).getHeader("X-Note"));
	}

}
