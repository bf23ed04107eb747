package dev.keel.auth.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.account.RecordingRecovery.Call;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class PasswordResetPagesIntegrationTests extends AccountPageIntegrationTest {

	@Test
	void linkShowsTheNewPasswordFormAndSpendsNoToken() {
		String page = this.pages.get("/account/reset-password?token=tok-456", 200);
		assertThat(page).contains("<form method=\"post\" action=\"/account/reset-password\">")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-456\">")
			.contains("name=\"password\"")
			.contains("name=\"confirm\"");
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void newPasswordIsSetWithTheFormsToken() {
		String page = this.pages.submit("/account/reset-password",
				Map.of("token", "tok-456", "password", "a brand new passphrase", "confirm", "a brand new passphrase"),
				200);
		assertThat(page).contains("Your password has been changed");
		assertThat(this.recovery.received())
			.containsExactly(new Call("resetPassword", List.of("tok-456", "a brand new passphrase")));
	}

	@Test
	void mismatchedPasswordsShowTheFormAgainWithoutTryingThem() {
		String page = this.pages.submit("/account/reset-password",
				Map.of("token", "tok-456", "password", "a brand new passphrase", "confirm", "a brand new passphrasf"),
				400);
		assertThat(page).contains("The two passwords do not match.")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-456\">")
			.doesNotContain("a brand new passphrase");
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void weakPasswordShowsTheReasonAndKeepsTheLink() {
		this.recovery.willAnswer(new RecoveryResult.Refused("newPassword", "must be at least 8 characters"));
		String page = this.pages.submit("/account/reset-password",
				Map.of("token", "tok-456", "password", "short", "confirm", "short"), 400);
		assertThat(page).contains("The new password must be at least 8 characters.")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-456\">")
			.contains("name=\"password\"");
		assertThat(this.recovery.received()).hasSize(1);
	}

	@Test
	void usedOrExpiredLinkOffersANewOne() {
		this.recovery.willAnswer(new RecoveryResult.InvalidLink());
		String page = this.pages.submit("/account/reset-password",
				Map.of("token", "used", "password", "a brand new passphrase", "confirm", "a brand new passphrase"),
				400);
		assertThat(page).contains("This link can no longer be used")
			.contains("<a href=\"/account/forgot-password\">")
			.doesNotContain("name=\"password\"");
	}

	@Test
	void linkWithoutTokenIsABadRequestPage() {
		assertThat(this.pages.get("/account/reset-password", 400)).contains("This link is incomplete");
		this.pages.submit("/account/reset-password",
				Map.of("password", "a brand new passphrase", "confirm", "a brand new passphrase"), 400);
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void hostileValuesAreEscaped() {
		String hostile = "\"><script>alert(1)</script>";
		this.recovery.willAnswer(new RecoveryResult.Refused("newPassword", "<img src=x onerror=alert(2)>"));
		String page = this.pages.submit("/account/reset-password",
				Map.of("token", hostile, "password", "x", "confirm", "x"), 400);
		assertThat(page).doesNotContain(hostile)
			.doesNotContain("<img")
			.contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"")
			.contains("&lt;img src=x onerror=alert(2)&gt;");
	}

}
