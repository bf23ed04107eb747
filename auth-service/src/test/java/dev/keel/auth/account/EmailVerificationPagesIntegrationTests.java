package dev.keel.auth.account;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.account.RecordingRecovery.Call;

import static org.assertj.core.api.Assertions.assertThat;

@AuthServiceIntegrationTest
class EmailVerificationPagesIntegrationTests extends AccountPageIntegrationTest {

	@Test
	void linkShowsAConfirmButtonAndSpendsNoToken() {
		String page = this.pages.get("/account/verify-email?token=tok-123", 200);
		assertThat(page).contains("<form method=\"post\" action=\"/account/verify-email\">")
			.contains("<input type=\"hidden\" name=\"token\" value=\"tok-123\">")
			.contains("Confirm my email address");
		HttpResponse<String> head = this.pages.send("HEAD", "/account/verify-email?token=tok-123", null, null);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void confirmingRedeemsTheFormsTokenAndShowsSuccess() {
		String page = this.pages.submit("/account/verify-email", Map.of("token", "tok-123"), 200);
		assertThat(page).contains("Your email address is confirmed");
		assertThat(this.recovery.received()).containsExactly(new Call("verifyEmail", List.of("tok-123")));
	}

	@Test
	void usedOrExpiredLinkExplainsWhatToDoNext() {
		this.recovery.willAnswer(new RecoveryResult.InvalidLink());
		String page = this.pages.submit("/account/verify-email", Map.of("token", "used"), 400);
		assertThat(page).contains("This link can no longer be used").contains("sign in").contains("new confirmation");
		assertThat(this.recovery.received()).extracting(Call::operation).containsExactly("verifyEmail");
	}

	@Test
	void linkWithoutTokenIsABadRequestPage() {
		assertThat(this.pages.get("/account/verify-email", 400)).contains("This link is incomplete");
		assertThat(this.pages.get("/account/verify-email?token=%20", 400)).contains("This link is incomplete");
		this.pages.submit("/account/verify-email", Map.of(), 400);
		assertThat(this.recovery.received()).isEmpty();
	}

	@Test
	void hostileTokenIsEscaped() {
		String hostile = "\"><script>alert(1)</script>";
		String page = this.pages
			.get("/account/verify-email?token=" + URLEncoder.encode(hostile, StandardCharsets.UTF_8), 200);
		assertThat(page).doesNotContain(hostile).contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"");
		// Submitted back, it reaches the accounts as the same text.
		this.recovery.willAnswer(new RecoveryResult.InvalidLink());
		this.pages.submit("/account/verify-email", Map.of("token", hostile), 400);
		assertThat(this.recovery.received()).containsExactly(new Call("verifyEmail", List.of(hostile)));
	}

}
