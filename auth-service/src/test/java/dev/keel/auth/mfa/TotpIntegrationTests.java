package dev.keel.auth.mfa;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.testing.EmbeddedInfrastructure;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A TOTP second factor over HTTP, with codes from the test's own authenticator:
 * enrolling, signing in with password and code, replayed and wrong codes, an expired
 * mfa_token, recovery codes and removing the factor.
 */
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
		"eureka.client.enabled=false", "keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY })
class TotpIntegrationTests {

	private static final String PASSWORD = "correct horse battery staple";

	@LocalServerPort
	int port;

	@Autowired
	MongoTemplate mongo;

	@Test
	void anEnrolledUserSignsInWithPasswordAndCode() {
		Enrolled user = enrolled();
		assertThat(user.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
		HttpResponse<String> first = api().passwordGrant(user.email(), PASSWORD);
		assertThat(first.statusCode()).isEqualTo(400);
		assertThat(body(first).path("error").asString()).isEqualTo("mfa_required");
		assertThat(body(first).has("access_token")).isFalse();

		HttpResponse<String> second = mfaGrant("urn:keel:mfa-otp", mfaToken(first), user.nextCode());
		assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
		JWTClaimsSet claims = AuthApi.claims(body(second).path("access_token").asString());
		assertThat(claims.getClaim("amr")).isEqualTo(List.of("pwd", "otp", "mfa"));
		assertThat(claims.getClaim("acr")).isEqualTo("urn:keel:acr:mfa");

		HttpResponse<String> refreshed = api().refreshGrant(body(second).path("refresh_token").asString());
		assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
		JWTClaimsSet refreshedClaims = AuthApi.claims(body(refreshed).path("access_token").asString());
		assertThat(refreshedClaims.getClaim("amr")).isEqualTo(List.of("pwd", "otp", "mfa"));
		assertThat(refreshedClaims.getClaim("acr")).isEqualTo("urn:keel:acr:mfa");
	}

	@Test
	void aUserWithoutAFactorGetsSingleFactorTokens() {
		String email = signup();
		JWTClaimsSet claims = AuthApi.claims(api().accessToken(email));
		assertThat(claims.getClaim("amr")).isEqualTo(List.of("pwd"));
		assertThat(claims.getClaim("acr")).isEqualTo("urn:keel:acr:single");
	}

	@Test
	void aCodeIsNeverAcceptedTwice() {
		Enrolled user = enrolled();
		String mfaToken = mfaToken(api().passwordGrant(user.email(), PASSWORD));
		// the step that confirmed the enrollment is spent
		assertThat(mfaGrant("urn:keel:mfa-otp", mfaToken, user.usedCode()).statusCode()).isEqualTo(400);
		String next = user.nextCode();
		assertThat(mfaGrant("urn:keel:mfa-otp", mfaToken, next).statusCode()).isEqualTo(200);

		HttpResponse<String> replay = mfaGrant("urn:keel:mfa-otp",
				mfaToken(api().passwordGrant(user.email(), PASSWORD)), next);
		assertThat(replay.statusCode()).isEqualTo(400);
		assertThat(body(replay).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void fiveWrongCodesLockTheChallenge() {
		Enrolled user = enrolled();
		String mfaToken = mfaToken(api().passwordGrant(user.email(), PASSWORD));
		String right = user.nextCode();
		for (int i = 1; i <= 5; i++) {
			String wrong = "%06d".formatted((Integer.parseInt(right) + i) % 1_000_000);
			assertThat(mfaGrant("urn:keel:mfa-otp", mfaToken, wrong).statusCode()).isEqualTo(400);
		}
		HttpResponse<String> locked = mfaGrant("urn:keel:mfa-otp", mfaToken, right);
		assertThat(locked.statusCode()).isEqualTo(400);
		assertThat(body(locked).path("error").asString()).isEqualTo("invalid_grant");
		// a new sign-in gets a new challenge, where the code still works
		assertThat(
				mfaGrant("urn:keel:mfa-otp", mfaToken(api().passwordGrant(user.email(), PASSWORD)), right).statusCode())
			.isEqualTo(200);
	}

	@Test
	void anExpiredMfaTokenIsRefused() {
		Enrolled user = enrolled();
		String mfaToken = mfaToken(api().passwordGrant(user.email(), PASSWORD));
		this.mongo.updateFirst(new Query(Criteria.where("_id").is(Secrets.hash(mfaToken))),
				new Update().set("expiresAt", new Date(System.currentTimeMillis() - 1000)), "mfa_challenges");
		HttpResponse<String> expired = mfaGrant("urn:keel:mfa-otp", mfaToken, user.nextCode());
		assertThat(expired.statusCode()).isEqualTo(400);
		assertThat(body(expired).path("error").asString()).isEqualTo("invalid_grant");
	}

	@Test
	void aRecoveryCodeWorksOnce() {
		Enrolled user = enrolled();
		String recoveryCode = user.recoveryCodes().get(3);
		HttpResponse<String> recovered = mfaGrant("urn:keel:mfa-recovery",
				mfaToken(api().passwordGrant(user.email(), PASSWORD)), recoveryCode);
		assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
		assertThat(AuthApi.claims(body(recovered).path("access_token").asString()).getClaim("amr"))
			.isEqualTo(List.of("pwd", "rec", "mfa"));

		HttpResponse<String> again = mfaGrant("urn:keel:mfa-recovery",
				mfaToken(api().passwordGrant(user.email(), PASSWORD)), recoveryCode);
		assertThat(again.statusCode()).isEqualTo(400);
	}

	@Test
	void removingTheFactorNeedsAFreshCode() {
		Enrolled user = enrolled();
		HttpResponse<String> stale = api().deleteJson("/api/auth/me/mfa/totp", Map.of("code", user.usedCode()),
				bearer(user.accessToken()));
		assertThat(stale.statusCode()).isEqualTo(400);
		assertThat(body(stale).path("code").asString()).isEqualTo("mfa_code_invalid");
		assertThat(api().passwordGrant(user.email(), PASSWORD).statusCode()).isEqualTo(400);

		HttpResponse<String> removed = api().deleteJson("/api/auth/me/mfa/totp", Map.of("code", user.nextCode()),
				bearer(user.accessToken()));
		assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
		assertThat(api().passwordGrant(user.email(), PASSWORD).statusCode()).isEqualTo(200);
	}

	@Test
	void aConfirmedFactorCannotBeEnrolledAgainAndBadCodesAreProblems() {
		Enrolled user = enrolled();
		HttpResponse<String> again = api().postJson("/api/auth/me/mfa/totp", Map.of(), bearer(user.accessToken()));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(body(again).path("code").asString()).isEqualTo("mfa_already_enrolled");
		HttpResponse<String> blank = api().postJson("/api/auth/me/mfa/totp/verify", Map.of("code", ""),
				bearer(user.accessToken()));
		assertThat(blank.statusCode()).isEqualTo(400);
		assertThat(blank.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
	}

	@Test
	void fiveWrongCodesLockTheAccountEndpoints() {
		String email = signup();
		String accessToken = api().accessToken(email);
		JsonNode started = body(api().postJson("/api/auth/me/mfa/totp", Map.of(), bearer(accessToken)));
		AuthenticatorApp app = AuthenticatorApp.scan(started.path("otpauthUri").asString());
		String right = app.code(AuthenticatorApp.currentStep());
		for (int i = 1; i <= 5; i++) {
			String wrong = "%06d".formatted((Integer.parseInt(right) + i) % 1_000_000);
			assertThat(api().postJson("/api/auth/me/mfa/totp/verify", Map.of("code", wrong), bearer(accessToken))
				.statusCode()).isEqualTo(400);
		}
		HttpResponse<String> locked = api().postJson("/api/auth/me/mfa/totp/verify", Map.of("code", right),
				bearer(accessToken));
		assertThat(locked.statusCode()).isEqualTo(429);
		assertThat(body(locked).path("code").asString()).isEqualTo("mfa_locked");
	}

	private Enrolled enrolled() {
		String email = signup();
		String accessToken = api().accessToken(email);
		HttpResponse<String> started = api().postJson("/api/auth/me/mfa/totp", Map.of(), bearer(accessToken));
		assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
		String uri = body(started).path("otpauthUri").asString();
		assertThat(uri).startsWith("otpauth://totp/Keel:")
			.contains("secret=" + body(started).path("secret").asString());
		assertThat(AuthenticatorApp.readQrCode(body(started).path("qrCode").asString())).isEqualTo(uri);
		AuthenticatorApp app = AuthenticatorApp.scan(uri);
		long step = AuthenticatorApp.currentStep();
		HttpResponse<String> verified = api().postJson("/api/auth/me/mfa/totp/verify", Map.of("code", app.code(step)),
				bearer(accessToken));
		assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
		List<String> codes = body(verified).path("recoveryCodes").valueStream().map(JsonNode::asString).toList();
		return new Enrolled(email, accessToken, app, step, codes);
	}

	private String signup() {
		String email = "mfa-" + UUID.randomUUID() + "@example.com";
		HttpResponse<String> response = api().postJson("/api/auth/signup",
				Map.of("email", email, "password", PASSWORD, "displayName", "Mfa"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return email;
	}

	private static String mfaToken(HttpResponse<String> mfaRequired) {
		assertThat(body(mfaRequired).path("error").asString()).as(mfaRequired.body()).isEqualTo("mfa_required");
		return body(mfaRequired).path("mfa_token").asString();
	}

	private HttpResponse<String> mfaGrant(String grantType, String mfaToken, String code) {
		return api().postForm("/api/auth/token", form("grant_type", grantType, "mfa_token", mfaToken, "code", code));
	}

	private AuthApi api() {
		return new AuthApi(this.port);
	}

	/**
	 * A user with a confirmed factor, whose enrollment spent the code of {@code step}.
	 */
	private record Enrolled(String email, String accessToken, AuthenticatorApp app, long step,
			List<String> recoveryCodes) {

		String usedCode() {
			return this.app.code(this.step);
		}

		/** The code of the step after the spent one: within the window for 30 seconds. */
		String nextCode() {
			return this.app.code(this.step + 1);
		}

	}

}
