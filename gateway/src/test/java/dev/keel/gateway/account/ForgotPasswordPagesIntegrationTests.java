package dev.keel.gateway.account;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class ForgotPasswordPagesIntegrationTests extends AccountPagesTest {

	@Test
	void pageAsksForTheEmailAddress() {
		String page = get("/account/forgot-password", HttpStatus.OK);
		assertThat(page).contains("<form method=\"post\" action=\"/account/forgot-password\">")
			.contains("name=\"email\"");
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void everyAddressGetsTheSamePage() {
		auth.willAnswer(202);
		String known = submit("/account/forgot-password", Map.of("email", "ada@example.com"), HttpStatus.OK);
		String unknown = submit("/account/forgot-password", Map.of("email", "nobody@example.com"), HttpStatus.OK);
		assertThat(known).contains("If an account exists for that address, we sent a link").isEqualTo(unknown);
		assertThat(auth.received()).extracting((call) -> call.body().path("email").asString())
			.containsExactly("ada@example.com", "nobody@example.com");
		assertThat(auth.received())
			.allSatisfy((call) -> assertThat(call.path()).isEqualTo("/api/auth/password/forgot"));
	}

	@Test
	void missingAddressShowsTheFormAgain() {
		String page = submit("/account/forgot-password", Map.of("email", " "), HttpStatus.BAD_REQUEST);
		assertThat(page).contains("Enter your email address.").contains("name=\"email\"");
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void refusedAddressShowsTheFormAgainWithTheAddressEscaped() {
		auth.willReject(validationProblem("email", "size must be between 0 and 254"));
		String page = submit("/account/forgot-password", Map.of("email", "\"><script>x</script>"),
				HttpStatus.BAD_REQUEST);
		assertThat(page).contains("Enter a valid email address.")
			.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
	}

}
