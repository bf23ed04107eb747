package dev.keel.auth.key;

import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.List;

import com.nimbusds.jose.jwk.RSAKey;
import org.bson.Document;
import org.bson.types.Binary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;
import dev.keel.auth.key.MasterKey.Sealed;
import dev.keel.auth.token.Principal;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Signing keys, their rotation and their publication, over real HTTP. */
@AuthServiceIntegrationTest
class SigningKeyIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MongoTemplate mongo;

	AuthApi api;

	@BeforeEach
	void api() {
		this.api = new AuthApi(this.port);
	}

	@Test
	void theJwksPublishesOnlyPublicRs256SigningKeysAndMayBeCached() {
		HttpResponse<String> response = this.api.get("/api/auth/.well-known/jwks.json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("public, max-age=300");
		JsonNode keys = body(response).path("keys");
		assertThat(keys.isEmpty()).isFalse();
		assertThat(keys.values()).allSatisfy((key) -> {
			assertThat(key.path("kty").asString()).isEqualTo("RSA");
			assertThat(key.path("use").asString()).isEqualTo("sig");
			assertThat(key.path("alg").asString()).isEqualTo("RS256");
			assertThat(key.path("kid").asString()).isNotBlank();
			assertThat(key.propertyNames()).doesNotContain("d", "p", "q", "dp", "dq", "qi");
		});
	}

	@Test
	void theDiscoveryDocumentNamesTheEndpoints() {
		JsonNode discovery = body(this.api.get("/api/auth/.well-known/openid-configuration"));

		String issuer = "http://localhost:8080/api/auth";
		assertThat(discovery.path("issuer").asString()).isEqualTo(issuer);
		assertThat(discovery.path("jwks_uri").asString()).isEqualTo(issuer + "/.well-known/jwks.json");
		assertThat(discovery.path("token_endpoint").asString()).isEqualTo(issuer + "/token");
		assertThat(discovery.path("revocation_endpoint").asString()).isEqualTo(issuer + "/revoke");
		assertThat(discovery.path("grant_types_supported").values()).extracting(JsonNode::asString)
			.containsExactly("password", "refresh_token", "client_credentials");
		assertThat(discovery.path("id_token_signing_alg_values_supported").values()).extracting(JsonNode::asString)
			.containsExactly("RS256");
		assertThat(discovery.path("token_endpoint_auth_methods_supported").isArray()).isTrue();
	}

	@Test
	void afterARotationOldTokensStayValidAndNewTokensUseTheNewKey() {
		Principal admin = this.accounts.admin();
		String before = this.api.accessToken(admin.email());

		HttpResponse<String> rotation = this.api.post("/api/auth/admin/keys/rotate", null, "", bearer(before));

		assertThat(rotation.statusCode()).as(rotation.body()).isEqualTo(201);
		String newKid = body(rotation).path("kid").asString();
		assertThat(newKid).isNotEqualTo(AuthApi.kid(before));
		String after = this.api.accessToken(admin.email());
		assertThat(AuthApi.kid(after)).isEqualTo(newKid);
		assertThat(body(this.api.get("/api/auth/.well-known/jwks.json")).path("keys").values())
			.extracting((key) -> key.path("kid").asString())
			.contains(AuthApi.kid(before), newKid);
		NimbusJwtDecoder standard = NimbusJwtDecoder.withJwkSetUri(this.api.url("/api/auth/.well-known/jwks.json"))
			.build();
		assertThat(standard.decode(before).getSubject()).isEqualTo(admin.subject());
		assertThat(standard.decode(after).getSubject()).isEqualTo(admin.subject());
		assertThat(this.api.post("/api/auth/logout", null, "", bearer(before)).statusCode()).isEqualTo(204);
	}

	@Test
	void rotationIsForAdminsOnly() {
		String userToken = this.api.accessToken(this.accounts.user("user").email());

		assertThat(this.api.post("/api/auth/admin/keys/rotate", null, "", bearer(userToken)).statusCode())
			.isEqualTo(403);
		assertThat(this.api.post("/api/auth/admin/keys/rotate", null, "").statusCode()).isEqualTo(401);
	}

	@Test
	void privateKeysAreStoredEncryptedUnderTheMasterKey() throws Exception {
		List<Document> stored = this.mongo.getCollection(StoredSigningKey.COLLECTION)
			.find()
			.into(new java.util.ArrayList<>());
		MasterKey masterKey = MasterKey.fromBase64(AuthServiceIntegrationTest.MASTER_KEY);

		assertThat(stored).isNotEmpty().allSatisfy((key) -> {
			String kid = key.getString("_id");
			byte[] iv = key.get("iv", Binary.class).getData();
			byte[] ciphertext = key.get("encryptedPrivateKey", Binary.class).getData();
			assertThat(key.toJson()).doesNotContain("\"d\"");
			assertThatExceptionOfType(GeneralSecurityException.class)
				.isThrownBy(() -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(ciphertext)));
			assertThatExceptionOfType(GeneralSecurityException.class)
				.isThrownBy(() -> MasterKey.generate().decrypt(new Sealed(iv, ciphertext), kid));
			byte[] pkcs8 = masterKey.decrypt(new Sealed(iv, ciphertext), kid);
			RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
				.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
			assertThat(privateKey.getModulus())
				.isEqualTo(RSAKey.parse(key.getString("publicJwk")).toRSAPublicKey().getModulus());
		});
	}

}
