package dev.keel.notification.webhook;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

class WebhookSignerTests {

	@Test
	void signsTheStandardWebhooksExampleAsTheSpecificationSays() {
		// The example of the Standard Webhooks libraries' tests; the expected value was
		// also computed with `openssl dgst -sha256 -mac HMAC` over "id.timestamp.body".
		WebhookSigner signer = new WebhookSigner("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");

		String signature = signer.sign("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, "{\"test\": 2432232314}");

		assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void newSecretsAreThirtyTwoRandomBytesInBase64AfterThePrefix() {
		SecureRandom random = new SecureRandom();
		String one = WebhookSigner.newSecret(random);
		String two = WebhookSigner.newSecret(random);

		assertThat(one).startsWith("whsec_").isNotEqualTo(two);
		assertThat(Base64.getDecoder().decode(one.substring("whsec_".length()))).hasSize(32);
	}

	@Test
	void theOfficialLibraryVerifiesWhatItSigns() {
		String secret = WebhookSigner.newSecret(new SecureRandom());
		long now = System.currentTimeMillis() / 1000;
		String body = "{\"type\":\"keel.document.created\",\"data\":{\"title\":\"Grüße\"}}";
		String signature = new WebhookSigner(secret).sign("msg_abc", now, body);

		assertThatNoException()
			.isThrownBy(() -> new Webhook(secret).verify(body, Map.of("webhook-id", List.of("msg_abc"),
					"webhook-timestamp", List.of(Long.toString(now)), "webhook-signature", List.of(signature))));
	}

}
