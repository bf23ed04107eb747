package dev.keel.system;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Security emails: auth-service's events become emails in the platform's mail sink,
 * through notification-service, and their links carry tokens that work, both with the API
 * and through the gateway's account pages that the links open.
 */
@ExtendWith(RunningPlatform.class)
@Order(40)
class EmailSystemTests {

	private static final Pattern TOKEN_LINK = Pattern
		.compile("(http://\\S+/account/[a-z-]+)\\?token=([A-Za-z0-9_%.~-]+)");

	@Test
	void signingUpSendsAVerificationEmailWhoseTokenVerifiesTheAccount() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);

		JsonNode message = MailSink.awaitMessage(email, "Confirm your email address");
		Matcher link = TOKEN_LINK.matcher(message.path("Text").asString());
		assertThat(link.find()).as(message.path("Text").asString()).isTrue();
		assertThat(link.group(1)).isEqualTo(Api.GATEWAY + "/account/verify-email");
		assertThat(message.path("HTML").asString()).contains("/account/verify-email?token=" + link.group(2));

		assertThat(Api.post("/api/auth/email/verify", null, Map.of("token", link.group(2))).status()).isEqualTo(204);
		Accounts.Session session = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.get("/api/auth/me", session.accessToken()).body().path("emailVerified").asBoolean()).isTrue();
		assertThat(Api.post("/api/auth/email/verify", null, Map.of("token", link.group(2))).status()).isEqualTo(400);
	}

	@Test
	void forgotPasswordMailsAResetLinkForAKnownEmailAndNothingForAnUnknownOne() throws Exception {
		String known = Accounts.newEmail();
		Accounts.signUp(known);
		String unknown = Accounts.newEmail();
		assertThat(Api.post("/api/auth/password/forgot", null, Map.of("email", known)).status()).isEqualTo(202);
		assertThat(Api.post("/api/auth/password/forgot", null, Map.of("email", unknown)).status()).isEqualTo(202);

		JsonNode message = MailSink.awaitMessage(known, "Reset your password");
		Matcher link = TOKEN_LINK.matcher(message.path("Text").asString());
		assertThat(link.find()).isTrue();
		assertThat(Api
			.post("/api/auth/password/reset", null,
					Map.of("token", link.group(2), "newPassword", "a brand new passphrase 42"))
			.status()).isEqualTo(204);
		assertThat(Api
			.post("/api/auth/password/reset", null,
					Map.of("token", link.group(2), "newPassword", "another new passphrase 43"))
			.status()).isEqualTo(400);
		MailSink.awaitMessage(known, "Your password was changed");
		TimeUnit.SECONDS.sleep(2);
		assertThat(MailSink.messagesTo(unknown)).isEmpty();
	}

	@Test
	void followingTheVerificationLinkConfirmsTheAddressOnce() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Matcher link = TOKEN_LINK
			.matcher(MailSink.awaitMessage(email, "Confirm your email address").path("Text").asString());
		assertThat(link.find()).isTrue();

		// Opening the link, as a mail scanner would too, only shows the form.
		HtmlForm form = HtmlForm.of(Api.get(link.group(), null));
		assertThat(form.action()).isEqualTo("/account/verify-email");
		Accounts.Session session = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.get("/api/auth/me", session.accessToken()).body().path("emailVerified").asBoolean()).isFalse();

		Api.Reply confirmed = form.submit(Map.of());
		assertThat(confirmed.status()).isEqualTo(200);
		assertThat(confirmed.contentType()).startsWith("text/html");
		assertThat(confirmed.response().body()).contains("Your email address is confirmed");
		assertThat(Api.get("/api/auth/me", session.accessToken()).body().path("emailVerified").asBoolean()).isTrue();

		Api.Reply again = form.submit(Map.of());
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.response().body()).contains("This link can no longer be used");
	}

	@Test
	void forgottenPasswordIsResetThroughTheGatewaysPages() throws Exception {
		String known = Accounts.newEmail();
		Accounts.signUp(known);
		String unknown = Accounts.newEmail();
		HtmlForm forgot = HtmlForm.of(Api.get("/account/forgot-password", null));
		Api.Reply sent = forgot.submit(Map.of("email", known));
		assertThat(sent.status()).isEqualTo(200);
		assertThat(sent.response().body()).contains("If an account exists for that address, we sent a link");
		assertThat(forgot.submit(Map.of("email", unknown)).response().body()).isEqualTo(sent.response().body());

		Matcher link = TOKEN_LINK.matcher(MailSink.awaitMessage(known, "Reset your password").path("Text").asString());
		assertThat(link.find()).isTrue();
		assertThat(link.group(1)).isEqualTo(Api.GATEWAY + "/account/reset-password");
		HtmlForm reset = HtmlForm.of(Api.get(link.group(), null));
		String newPassword = "a page-set passphrase 44";
		Api.Reply mismatch = reset.submit(Map.of("password", newPassword, "confirm", newPassword + "!"));
		assertThat(mismatch.status()).isEqualTo(400);
		assertThat(mismatch.response().body()).contains("do not match");
		Api.Reply weak = reset.submit(Map.of("password", "password", "confirm", "password"));
		assertThat(weak.status()).isEqualTo(400);
		assertThat(weak.response().body()).contains("The new password is one of the most common passwords");

		Api.Reply changed = reset.submit(Map.of("password", newPassword, "confirm", newPassword));
		assertThat(changed.status()).as(changed.response().body()).isEqualTo(200);
		assertThat(changed.response().body()).contains("Your password has been changed");
		Accounts.login(known, newPassword);
		Api.Reply again = reset
			.submit(Map.of("password", "yet another passphrase 45", "confirm", "yet another passphrase 45"));
		assertThat(again.status()).isEqualTo(400);
		assertThat(again.response().body()).contains("This link can no longer be used")
			.contains("href=\"/account/forgot-password\"");
		Accounts.login(known, newPassword);

		String changedText = MailSink.awaitMessage(known, "Your password was changed").path("Text").asString();
		Matcher forgotLink = Pattern.compile("http://\\S+/account/forgot-password").matcher(changedText);
		assertThat(forgotLink.find()).as(changedText).isTrue();
		HtmlForm.of(Api.get(forgotLink.group(), null));
		TimeUnit.SECONDS.sleep(2);
		assertThat(MailSink.messagesTo(unknown)).isEmpty();
	}

}
