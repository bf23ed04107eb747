package dev.keel.auth.account;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.account.RecordingRecovery.Call;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class ForgotPasswordPagesIntegrationTests extends AccountPageIntegrationTest {

	@Test
	void pageAsksForTheEmailAddress() {
		String page = this.pages.get("/account/forgot-password", 200);
		assertThat(page).contains("<form method=\"post\" action=\"/account/forgot-password\">")
			.contains("name=\"email\"");
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void everyAddressGetsTheSamePage() {
		String known = this.pages.submit("/account/forgot-password", Map.of("email", "ada@example.com"), 200);
		String unknown = this.pages.submit("/account/forgot-password", Map.of("email", "nobody@example.com"), 200);
		assertThat(known).contains("If an account exists for that address, we sent a link").isEqualTo(unknown);
		assertThat(this.recovery.received()).containsExactly(new Call("forgotPassword", List.of("ada@example.com")),
				new Call("forgotPassword", List.of("nobody@example.com")));
	}

	@Test
	void missingAddressShowsTheFormAgain() {
		String page = this.pages.submit("/account/forgot-password", Map.of("email", " "), 400);
		assertThat(page).contains("Enter your email address.").contains("name=\"email\"");
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void refusedAddressShowsTheFormAgainWithTheAddressEscaped() {
		this.recovery.willAnswer(new RecoveryResult.Refused("email", "size must be between 0 and 254"));
		String page = this.pages.submit("/account/forgot-password", Map.of("email", "\"><script>x</script>"), 400);
		assertThat(page).contains("Enter a valid email address.")
			.contains("value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\"");
	}

}
