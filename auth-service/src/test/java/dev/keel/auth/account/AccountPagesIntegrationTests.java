package dev.keel.auth.account;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.dao.DataAccessResourceFailureException;

import dev.keel.auth.AuthServiceIntegrationTest;

import static dev.keel.auth.account.AccountPageClient.FORM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every account page shares: headers, limits, outages.
 */
@AuthServiceIntegrationTest
class AccountPagesIntegrationTests extends AccountPageIntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "/account/verify-email?token=t", "/account/reset-password?token=t",
			"/account/forgot-password", "/account/verify-email" })
	void pagesCarryProtectiveHeaders(String page) {
		HttpResponse<String> response = this.pages.send("GET", page, null, null);
		assertThat(response.headers().allValues("Content-Security-Policy")).containsExactly(
				"default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
		assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
		assertThat(response.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
		assertThat(response.headers().allValues("X-Frame-Options")).containsExactly("DENY");
		assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
	}

	@Test
	void answersOfSubmittedFormsCarryProtectiveHeadersToo() {
		HttpResponse<String> response = this.pages.send("POST", "/account/verify-email", FORM, "token=t");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Referrer-Policy")).containsExactly("no-referrer");
		assertThat(response.headers().allValues("Cache-Control")).containsExactly("no-store");
	}

	@Test
	void failingStoreShowsATryAgainPage() {
		this.recovery.willFail(new DataAccessResourceFailureException("store down"));
		HttpResponse<String> response = this.pages.send("POST", "/account/verify-email", FORM, "token=t");
		AccountPageClient.html(response, 503);
		assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(response.body()).contains("try again").contains("Nothing was changed");
		this.recovery.willAnswer(new RecoveryResult.Unavailable());
		assertThat(this.pages.submit("/account/reset-password",
				Map.of("token", "t", "password", "a brand new passphrase", "confirm", "a brand new passphrase"), 503))
			.contains("Please try again shortly");
	}

	@Test
	void tooManyAttemptsShowsAWaitPage() {
		this.recovery.willAnswer(new RecoveryResult.Busy(Duration.ofSeconds(42)));
		HttpResponse<String> response = this.pages.send("POST", "/account/forgot-password", FORM,
				"email=ada%40example.com");
		assertThat(AccountPageClient.html(response, 429)).contains("Too many attempts");
		assertThat(response.headers().firstValue("Retry-After")).hasValue("42");
	}

	@Test
	void oversizedFormIsRefusedUnread() {
		this.pages.submit("/account/verify-email", Map.of("token", "t".repeat(9000)), 413);
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void onlyFormsAreAccepted() {
		HttpResponse<String> response = this.pages.send("POST", "/account/verify-email", "application/json",
				"{\"token\":\"t\"}");
		AccountPageClient.html(response, 415);
		AccountPageClient.html(this.pages.send("POST", "/account/verify-email", null, "token=t"), 415);
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void aContentTypeWithAnUnknownCharsetIsUnsupportedNotAnError() {
		HttpResponse<String> response = this.pages.send("POST", "/account/forgot-password",
				"application/x-www-form-urlencoded; charset=latin-7", "email=a%40b.c");
		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void otherAccountPathsAreNotServed() {
		HttpResponse<String> response = this.pages.send("GET", "/account/delete-everything", null, null);
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(this.recovery.received()).isEmpty();
	}

}
