package dev.keel.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 17's passwordless journeys through the gateway, with the emails read from the
 * platform's mail sink: the code works once, the link works once through the sign-in page
 * and the handoff exchange, one email per address per minute, five wrong guesses end a
 * code, and an unknown address gets the same answer and no email. Expiry is proven in
 * auth-service's {@code OtpIntegrationTests} and {@code MagicLinkIntegrationTests} (ten
 * minutes are too long to wait here).
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 21)
class PasswordlessSystemTests {

	private static final String SUBJECT = "Your sign-in code";

	/** On the allow-list that {@code ./keel run} sets by default. */
	private static final String APP = "http://localhost:3000/auth/callback";

	private static final String VERIFIER = "system-test-verifier-" + "v".repeat(30);

	private static final Pattern CODE = Pattern.compile("(?m)^([0-9]{6})$");

	private static final Pattern LINK = Pattern.compile("(http://\\S+/account/sign-in)\\?token=([A-Za-z0-9_%.~-]+)");

	@Test
	void theEmailedCodeSignsInOnce() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		assertThat(Api.post("/api/auth/otp", null, Map.of("email", email)).status()).isEqualTo(202);
		String text = MailSink.awaitMessage(email, SUBJECT).path("Text").asString();
		assertThat(text).as("no redirect_to: the code only").doesNotContain("/account/sign-in");

		Reply signedIn = otpGrant(email, code(text));
		assertThat(signedIn.status()).as(signedIn.response().body()).isEqualTo(200);
		Reply me = Api.get("/api/auth/me", signedIn.body().path("access_token").asString());
		assertThat(me.body().path("emailVerified").asBoolean()).isTrue();
		Reply again = otpGrant(email, code(text));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void theEmailedLinkSignsInOnceThroughThePageAndTheHandoff() throws Exception {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		Reply asked = Api.post("/api/auth/otp", null,
				Map.of("email", email, "redirect_to", APP, "code_challenge", challenge(VERIFIER)));
		assertThat(asked.status()).as(asked.response().body()).isEqualTo(202);
		JsonNode message = MailSink.awaitMessage(email, SUBJECT);
		Matcher link = LINK.matcher(message.path("Text").asString());
		assertThat(link.find()).as(message.path("Text").asString()).isTrue();
		assertThat(link.group(1)).isEqualTo(Api.GATEWAY + "/account/sign-in");

		// Opening the link, as a mail scanner would too, only shows the form.
		HtmlForm form = HtmlForm.of(Api.get(link.group(), null));
		assertThat(form.action()).isEqualTo("/account/sign-in");
		HtmlForm.of(Api.get(link.group(), null));
		Reply handedOver = form.submit(Map.of());
		assertThat(handedOver.status()).as(handedOver.response().body()).isEqualTo(303);
		String location = handedOver.response().headers().firstValue("Location").orElseThrow();
		assertThat(location).startsWith(APP + "?code=");

		Reply tokens = exchange(location.substring(location.indexOf("code=") + 5));
		assertThat(tokens.status()).as(tokens.response().body()).isEqualTo(200);
		Reply me = Api.get("/api/auth/me", tokens.body().path("access_token").asString());
		assertThat(me.field("id")).isEqualTo(id);
		assertThat(me.body().path("emailVerified").asBoolean()).isTrue();
		assertThat(exchange(location.substring(location.indexOf("code=") + 5)).status()).isEqualTo(400);

		Reply again = form.submit(Map.of());
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.response().body()).contains("This link can no longer be used");
		assertThat(otpGrant(email, code(message.path("Text").asString())).status()).as("the link ended the code")
			.isEqualTo(400);
	}

	@Test
	void aRedirectOffTheAllowListIsRefusedAndNothingIsSent() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		for (String redirect : List.of("http://localhost:3000.evil.com/", "http://localhost:3000@evil.com/",
				"https://evil.com/", "//evil.com")) {
			Reply refused = Api.post("/api/auth/otp", null,
					Map.of("email", email, "redirect_to", redirect, "code_challenge", challenge(VERIFIER)));
			assertThat(refused.status()).as(redirect).isEqualTo(400);
			assertThat(refused.contentType()).startsWith("application/problem+json");
		}
		TimeUnit.SECONDS.sleep(2);
		assertThat(MailSink.messagesTo(email, SUBJECT)).isEmpty();
	}

	@Test
	void anAddressGetsAtMostOneEmailPerMinute() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		for (int i = 0; i < 3; i++) {
			assertThat(Api.post("/api/auth/otp", null, Map.of("email", email)).status()).isEqualTo(202);
		}
		String text = MailSink.awaitMessage(email, SUBJECT).path("Text").asString();
		TimeUnit.SECONDS.sleep(3);
		assertThat(MailSink.messagesTo(email, SUBJECT)).hasSize(1);
		assertThat(otpGrant(email, code(text)).status()).as("the code sent first still works").isEqualTo(200);
	}

	@Test
	void fiveWrongGuessesEndTheCode() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Api.post("/api/auth/otp", null, Map.of("email", email));
		String code = code(MailSink.awaitMessage(email, SUBJECT).path("Text").asString());

		for (int i = 1; i <= 5; i++) {
			Reply wrong = otpGrant(email, "%06d".formatted((Integer.parseInt(code) + i) % 1_000_000));
			assertThat(wrong.status()).isEqualTo(400);
			assertThat(wrong.field("error")).isEqualTo("invalid_grant");
		}
		assertThat(otpGrant(email, code).status()).isEqualTo(400);
	}

	@Test
	void anUnknownAddressGetsTheSameAnswerAndNoEmail() throws Exception {
		String unknown = Accounts.newEmail();
		Reply answer = Api.post("/api/auth/otp", null, Map.of("email", unknown));
		Reply withLink = Api.post("/api/auth/otp", null,
				Map.of("email", unknown, "redirect_to", APP, "code_challenge", challenge(VERIFIER)));
		assertThat(answer.status()).isEqualTo(202);
		assertThat(withLink.status()).isEqualTo(202);
		assertThat(answer.response().body()).isEmpty();
		TimeUnit.SECONDS.sleep(3);
		assertThat(MailSink.messagesTo(unknown)).isEmpty();
	}

	private static Reply otpGrant(String email, String code) {
		return Api.form("/api/auth/token", Map.of("grant_type", "urn:keel:otp", "email", email, "code", code));
	}

	private static Reply exchange(String code) {
		return Api.form("/api/auth/token", Map.of("grant_type", "authorization_code", "code", code, "code_verifier",
				VERIFIER, "redirect_uri", APP));
	}

	private static String code(String text) {
		Matcher code = CODE.matcher(text);
		assertThat(code.find()).as(text).isTrue();
		return code.group(1);
	}

	/** The app's side of PKCE: BASE64URL(SHA-256(verifier)). */
	private static String challenge(String verifier) throws Exception {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
	}

}
