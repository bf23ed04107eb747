package dev.keel.system;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.keel.system.Accounts.Session;
import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens through the gateway (API.md §2): grants, rotation, revocation, service accounts
 * and keys.
 */
@ExtendWith(RunningPlatform.class)
class TokenSystemTests {

	@Test
	void passwordGrantGivesAnRs256AccessTokenWithTheContractClaims() {
		String email = Accounts.newEmail();
		String id = Accounts.signUp(email);
		Reply reply = Api.post("/api/auth/token", null,
				Map.of("grant_type", "password", "username", email, "password", Accounts.PASSWORD));
		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.field("token_type")).isEqualTo("Bearer");
		assertThat(reply.body().path("expires_in").asLong()).isBetween(1L, 900L);
		assertThat(reply.field("refresh_token")).isNotBlank();

		Jwt jwt = decoder().decode(reply.field("access_token"));
		assertThat(jwt.getSubject()).isEqualTo(id);
		assertThat(jwt.getAudience()).contains("keel");
		assertThat(jwt.getClaimAsString("email")).isEqualTo(email);
		assertThat(jwt.getClaimAsStringList("roles")).contains("user");
		assertThat(jwt.getId()).isNotBlank();
		assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isLessThanOrEqualTo(Duration.ofMinutes(15));
		assertThat(jwt.getHeaders()).containsEntry("alg", "RS256").containsKey("kid");
	}

	@Test
	void refreshTokensRotateAndAReusedOneRevokesTheFamily() {
		Session first = newSession();
		Session second = Session.of(Accounts.refresh(first.refreshToken()).body());
		Session third = Session.of(Accounts.refresh(second.refreshToken()).body());
		assertThat(third.refreshToken()).isNotEqualTo(second.refreshToken());
		Reply reused = Accounts.refresh(first.refreshToken());
		assertThat(reused.status()).isEqualTo(400);
		assertThat(reused.field("error")).isEqualTo("invalid_grant");
		assertThat(Accounts.refresh(third.refreshToken()).field("error")).isEqualTo("invalid_grant");
	}

	@Test
	void theTokenRotatedLastStillWorksWithinTheGraceWindow() {
		Session first = newSession();
		Session second = Session.of(Accounts.refresh(first.refreshToken()).body());
		Reply otherTab = Accounts.refresh(first.refreshToken());
		assertThat(otherTab.status()).isEqualTo(200);
		Session otherTabSession = Session.of(otherTab.body());
		assertThat(otherTabSession.refreshToken()).isNotEqualTo(second.refreshToken());
		assertThat(Api.get("/api/auth/me", otherTabSession.accessToken()).status()).isEqualTo(200);
		assertThat(Accounts.refresh(otherTabSession.refreshToken()).status()).isEqualTo(200);
	}

	@Test
	void revocationAlwaysAnswers200AndEndsTheFamily() {
		Session session = newSession();
		assertThat(Api.form("/api/auth/revoke", Map.of("token", session.refreshToken())).status()).isEqualTo(200);
		assertThat(Accounts.refresh(session.refreshToken()).field("error")).isEqualTo("invalid_grant");
		assertThat(Api.form("/api/auth/revoke", Map.of("token", "not-a-token")).status()).isEqualTo(200);
	}

	@Test
	void logoutEndsOnlyTheCallersSession() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Session phone = Accounts.login(email, Accounts.PASSWORD);
		Session laptop = Accounts.login(email, Accounts.PASSWORD);
		assertThat(Api.post("/api/auth/logout", phone.accessToken(), Map.of()).status()).isEqualTo(204);
		assertThat(Accounts.refresh(phone.refreshToken()).field("error")).isEqualTo("invalid_grant");
		assertThat(Accounts.refresh(laptop.refreshToken()).status()).isEqualTo(200);
	}

	@Test
	void changingThePasswordEndsEveryOtherSession() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		Session current = Accounts.login(email, Accounts.PASSWORD);
		Session other = Accounts.login(email, Accounts.PASSWORD);
		String newPassword = "another long passphrase 7";
		Reply wrongCurrent = Api.post("/api/auth/me/password", current.accessToken(),
				Map.of("currentPassword", "not it at all", "newPassword", newPassword));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(Api
			.post("/api/auth/me/password", current.accessToken(),
					Map.of("currentPassword", Accounts.PASSWORD, "newPassword", newPassword))
			.status()).isEqualTo(204);
		assertThat(Accounts.refresh(other.refreshToken()).field("error")).isEqualTo("invalid_grant");
		assertThat(Accounts.refresh(current.refreshToken()).status()).isEqualTo(200);
		Accounts.login(email, newPassword);
	}

	@Test
	void serviceAccountsGetTokensWithoutRefreshAndStopWhenDeleted() {
		Session admin = Accounts.admin();
		Reply created = Api.post("/api/auth/admin/clients", admin.accessToken(),
				Map.of("name", "billing", "roles", List.of("billing")));
		assertThat(created.status()).isEqualTo(201);
		String clientId = created.field("clientId");
		String secret = created.field("clientSecret");
		Reply token = Api.form("/api/auth/token",
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
		assertThat(token.status()).isEqualTo(200);
		assertThat(token.body().has("refresh_token")).isFalse();
		Jwt jwt = decoder().decode(token.field("access_token"));
		assertThat(jwt.getSubject()).isEqualTo(clientId);
		assertThat(jwt.getClaimAsStringList("roles")).contains("billing");

		assertThat(Api.delete("/api/auth/admin/clients/" + clientId, admin.accessToken()).status()).isEqualTo(204);
		Reply refused = Api.form("/api/auth/token",
				Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", secret));
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.field("error")).isEqualTo("invalid_client");
	}

	@Test
	void keyRotationKeepsOldTokensValidAndSignsNewOnesWithTheNewKey() {
		Session admin = Accounts.admin();
		Session before = newSession();
		String oldKid = (String) decoder().decode(before.accessToken()).getHeaders().get("kid");
		assertThat(Api.post("/api/auth/admin/keys/rotate", admin.accessToken(), Map.of()).status()).isBetween(200, 201);
		Session after = newSession();
		String newKid = (String) decoder().decode(after.accessToken()).getHeaders().get("kid");
		assertThat(newKid).isNotEqualTo(oldKid);
		assertThat(Api.get("/api/auth/me", before.accessToken()).status()).isEqualTo(200);
		JsonNode keys = Api.get("/api/auth/.well-known/jwks.json", null).body().path("keys");
		assertThat(keys.valueStream().map((key) -> key.path("kid").asString())).contains(oldKid, newKid);
		assertThat(keys.toString()).doesNotContain("\"d\"");
	}

	@Test
	void discoveryDocumentNamesTheEndpoints() {
		JsonNode configuration = Api.get("/api/auth/.well-known/openid-configuration", null).body();
		assertThat(configuration.path("jwks_uri").asString()).endsWith("/.well-known/jwks.json");
		assertThat(configuration.path("token_endpoint").asString()).endsWith("/token");
		assertThat(configuration.path("revocation_endpoint").asString()).endsWith("/revoke");
		assertThat(configuration.path("grant_types_supported").toString()).contains("password", "refresh_token",
				"client_credentials");
		assertThat(configuration.path("id_token_signing_alg_values_supported").toString()).contains("RS256");
	}

	@Test
	void otherServicesRejectUnsignedForgedAndGarbageTokens() throws Exception {
		Session session = newSession();
		String kid = (String) decoder().decode(session.accessToken()).getHeaders().get("kid");
		JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer("http://localhost:8080/api/auth")
			.subject("attacker")
			.audience("keel")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)))
			.claim("roles", List.of("admin"))
			.build();
		RSAKey attackerKey = new RSAKeyGenerator(2048).keyID(kid).generate();
		SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).build(), claims);
		forged.sign(new RSASSASigner(attackerKey));
		String unsigned = new PlainJWT(claims).serialize();
		String tampered = tamper(session.accessToken());
		for (String path : List.of("/api/data/collections", "/api/notifications")) {
			for (String token : List.of(forged.serialize(), unsigned, tampered, "garbage")) {
				Reply reply = Api.get(path, token);
				assertThat(reply.status()).as(path).isEqualTo(401);
				assertThat(reply.contentType()).startsWith("application/problem+json");
			}
			assertThat(Api.get(path, session.accessToken()).status()).as(path).isNotEqualTo(401);
		}
	}

	private static Session newSession() {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		return Accounts.login(email, Accounts.PASSWORD);
	}

	/**
	 * A standard JOSE library reading only the JWKS URL, as a partner's backend would.
	 */
	private static NimbusJwtDecoder decoder() {
		return NimbusJwtDecoder.withJwkSetUri(Api.GATEWAY + "/api/auth/.well-known/jwks.json").build();
	}

	/**
	 * The same token with its payload changed to claim the admin role; the signature no
	 * longer matches.
	 */
	private static String tamper(String token) {
		String[] parts = token.split("\\.");
		String payload = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"user\"", "\"admin\"");
		return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes()) + "."
				+ parts[2];
	}

}
