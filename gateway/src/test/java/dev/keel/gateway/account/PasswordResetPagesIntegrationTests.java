package dev.keel.gateway.account;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordResetPagesIntegrationTests extends AccountPagesTest {

	@Test
	void linkShowsTheNewPasswordFormAndSpendsNoToken() {
		String page = get("/account/reset-password?token=tok-456", HttpStatus.OK);
		assertThat(page).contains("<form method=\"post\" action=\"/account/reset-password\">")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-456\">")
			.contains("name=\"password\"")
			.contains("name=\"confirm\"");
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void newPasswordIsSentWithTheFormsToken() {
		String page = submit("/account/reset-password",
				Map.of("token", "tok-456", "password", "a brand new passphrase", "confirm", "a brand new passphrase"),
				HttpStatus.OK);
		assertThat(page).contains("Your password has been changed");
		assertThat(auth.received()).singleElement().satisfies((call) -> {
			assertThat(call.path()).isEqualTo("/api/auth/password/reset");
			assertThat(call.body().path("token").asString()).isEqualTo("tok-456");
			assertThat(call.body().path("newPassword").asString()).isEqualTo("a brand new passphrase");
		});
	}

	@Test
	void mismatchedPasswordsShowTheFormAgainWithoutCallingAuthService() {
		String page = submit("/account/reset-password",
				Map.of("token", "tok-456", "password", "a brand new passphrase", "confirm", "a brand new passphrasf"),
				HttpStatus.BAD_REQUEST);
		assertThat(page).contains("The two passwords do not match.")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-456\">")
			.doesNotContain("a brand new passphrase");
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void weakPasswordShowsAuthServicesReasonAndKeepsTheLink() {
		auth.willReject(validationProblem("newPassword", "must be at least 8 characters"));
		String page = submit("/account/reset-password",
				Map.of("token", "tok-456", "password", "short", "confirm", "short"), HttpStatus.BAD_REQUEST);
		assertThat(page).contains("The new password must be at least 8 characters.")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-456\">")
			.contains("name=\"password\"");
		assertThat(auth.received()).hasSize(1);
	}

	@Test
	void usedOrExpiredLinkOffersANewOne() {
		auth.willReject(INVALID_TOKEN);
		String page = submit("/account/reset-password",
				Map.of("token", "used", "password", "a brand new passphrase", "confirm", "a brand new passphrase"),
				HttpStatus.BAD_REQUEST);
		assertThat(page).contains("This link can no longer be used")
			.contains("<a href=\"/account/forgot-password\">")
			.doesNotContain("name=\"password\"");
	}

	@Test
	void linkWithoutTokenIsABadRequestPage() {
		assertThat(get("/account/reset-password", HttpStatus.BAD_REQUEST)).contains("This link is incomplete");
		submit("/account/reset-password",
				Map.of("password", "a brand new passphrase", "confirm", "a brand new passphrase"),
				HttpStatus.BAD_REQUEST);
		assertThat(auth.received()).isEmpty();
	}

	@Test
	void hostileValuesAreEscaped() {
		String hostile = "\"><script>alert(1)</script>";
		auth.willReject(validationProblem("newPassword", "<img src=x onerror=alert(2)>"));
		String page = submit("/account/reset-password", Map.of("token", hostile, "password", "x", "confirm", "x"),
				HttpStatus.BAD_REQUEST);
		assertThat(page).doesNotContain(hostile)
			.doesNotContain("<img")
			.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
			.contains("&lt;img src=x onerror=alert(2)&gt;");
	}

}
