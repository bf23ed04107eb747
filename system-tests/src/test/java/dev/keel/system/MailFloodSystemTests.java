package dev.keel.system;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.Api.Reply;
import dev.keel.system.LoopbackClient.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keel's own sender cannot be turned on one inbox: verification resends and password
 * resets are throttled per address, whoever asks and from wherever.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 82)
class MailFloodSystemTests {

	@Test
	void tenQuickResendsSendNoMoreThanOneFurtherVerificationEmail() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		MailSink.awaitMessage(email, "Confirm your email address");
		String token = Accounts.login(email, Accounts.PASSWORD).accessToken();

		int throttled = 0;
		for (int i = 0; i < 10; i++) {
			Reply reply = Api.post("/api/auth/email/resend", token, Map.of());
			if (reply.status() == 429) {
				throttled++;
				assertThat(reply.contentType()).startsWith("application/problem+json");
				assertThat(reply.header("Retry-After")).matches("[1-9][0-9]*");
			}
			else {
				assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
			}
		}

		assertThat(throttled).isGreaterThanOrEqualTo(9);
		TimeUnit.SECONDS.sleep(3);
		assertThat(MailSink.messagesTo(email, "Confirm your email address")).hasSizeLessThanOrEqualTo(2);
	}

	@Test
	void tenForgottenPasswordsFromTenAddressesSendOneResetEmailAndAllAnswer202() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);

		for (int n = 0; n < 10; n++) {
			Answer answer = LoopbackClient.postJson(2000 + n, "/api/auth/password/forgot",
					Api.json.writeValueAsString(Map.of("email", email)));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(202);
		}

		MailSink.awaitMessage(email, "Reset your password");
		TimeUnit.SECONDS.sleep(3);
		List<?> resets = MailSink.messagesTo(email, "Reset your password");
		assertThat(resets).hasSize(1);
	}

}
