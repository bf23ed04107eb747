package dev.keel.auth.client;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.auth.AuthApi;
import dev.keel.auth.AuthServiceIntegrationTest;
import dev.keel.auth.TestAccounts;

import static dev.keel.auth.AuthApi.bearer;
import static dev.keel.auth.AuthApi.body;
import static dev.keel.auth.AuthApi.form;
import static org.assertj.core.api.Assertions.assertThat;

/** Service accounts and the client_credentials grant. */
@AuthServiceIntegrationTest
class ClientIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestAccounts accounts;

	@Autowired
	MongoTemplate mongo;

	AuthApi api;

	String adminToken;

	@BeforeEach
	void loginAdmin() {
		this.api = new AuthApi(this.port);
		this.adminToken = this.api.accessToken(this.accounts.admin().email());
	}

	@Test
	void aNewClientGetsAnAccessTokenButNoRefreshToken() {
		JsonNode client = createClient("reporting", List.of("reporter"));

		HttpResponse<String> response = this.api.postForm("/api/auth/token",
				form("grant_type", "client_credentials", "client_id", client.path("clientId").asString(),
						"client_secret", client.path("clientSecret").asString()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode body = body(response);
		assertThat(body.has("refresh_token")).isFalse();
		assertThat(body.path("token_type").asString()).isEqualTo("Bearer");
		JWTClaimsSet claims = AuthApi.claims(body.path("access_token").asString());
		assertThat(claims.getSubject()).isEqualTo(client.path("clientId").asString());
		assertThat(claims.getClaim("roles")).isEqualTo(List.of("reporter"));
		assertThat(claims.getClaims()).doesNotContainKeys("email", "sid");
	}

	@Test
	void aClientMayAuthenticateWithHttpBasic() {
		JsonNode client = createClient("billing", List.of());

		HttpResponse<String> response = this.api.postForm("/api/auth/token", form("grant_type", "client_credentials"),
				AuthApi.basic(client.path("clientId").asString(), client.path("clientSecret").asString()));

		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	@Test
	void aWrongSecretIsAnInvalidClient() {
		String clientId = createClient("billing", List.of()).path("clientId").asString();

		HttpResponse<String> inBody = this.api.postForm("/api/auth/token",
				form("grant_type", "client_credentials", "client_id", clientId, "client_secret", "wrong"));
		HttpResponse<String> inHeader = this.api.postForm("/api/auth/token", form("grant_type", "client_credentials"),
				AuthApi.basic(clientId, "wrong"));

		assertInvalidClient(inBody);
		assertThat(inBody.headers().firstValue("WWW-Authenticate")).isEmpty();
		assertInvalidClient(inHeader);
		assertThat(inHeader.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
	}

	@Test
	void credentialsInHeaderAndBodyAtOnceAreAnInvalidRequest() {
		JsonNode client = createClient("billing", List.of());
		String id = client.path("clientId").asString();
		String secret = client.path("clientSecret").asString();

		HttpResponse<String> response = this.api.postForm("/api/auth/token",
				form("grant_type", "client_credentials", "client_id", id, "client_secret", secret),
				AuthApi.basic(id, secret));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(body(response).path("error").asString()).isEqualTo("invalid_request");
	}

	@Test
	void aDeletedClientCanNoLongerGetTokens() {
		JsonNode client = createClient("old", List.of());
		String clientId = client.path("clientId").asString();

		HttpResponse<String> deleted = this.api.delete("/api/auth/admin/clients/" + clientId, bearer(this.adminToken));

		assertThat(deleted.statusCode()).isEqualTo(204);
		assertInvalidClient(this.api.postForm("/api/auth/token", form("grant_type", "client_credentials", "client_id",
				clientId, "client_secret", client.path("clientSecret").asString())));
	}

	@Test
	void deletingAnUnknownClientIsANotFoundProblem() {
		HttpResponse<String> response = this.api.delete("/api/auth/admin/clients/svc_nope", bearer(this.adminToken));

		assertThat(response.statusCode()).isEqualTo(404);
		assertProblem(response, "client_not_found");
	}

	@Test
	void theSecretIsStoredOnlyAsAHash() {
		JsonNode client = createClient("hashed", List.of());
		String secret = client.path("clientSecret").asString();

		org.bson.Document stored = this.mongo.getCollection("service_clients")
			.find(new org.bson.Document("_id", client.path("clientId").asString()))
			.first();

		assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
		assertThat(stored.toJson()).doesNotContain(secret);
	}

	@Test
	void anInvalidClientDefinitionIsAValidationProblem() {
		HttpResponse<String> response = this.api.postJson("/api/auth/admin/clients",
				Map.of("name", " ", "roles", List.of("Not A Role")), bearer(this.adminToken));

		assertThat(response.statusCode()).isEqualTo(400);
		assertProblem(response, "validation_failed");
	}

	@Test
	void anonymousCallersOfAdminEndpointsGetAnUnauthorizedProblem() {
		HttpResponse<String> response = this.api.postJson("/api/auth/admin/clients",
				Map.of("name", "x", "roles", List.of()));

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Bearer"));
		assertProblem(response, "unauthorized");
	}

	@Test
	void usersWithoutTheAdminRoleGetAForbiddenProblem() {
		String userToken = this.api.accessToken(this.accounts.user("user").email());

		HttpResponse<String> create = this.api.postJson("/api/auth/admin/clients",
				Map.of("name", "x", "roles", List.of()), bearer(userToken));
		HttpResponse<String> delete = this.api.delete("/api/auth/admin/clients/svc_x", bearer(userToken));

		assertThat(create.statusCode()).isEqualTo(403);
		assertProblem(create, "forbidden");
		assertThat(delete.statusCode()).isEqualTo(403);
	}

	private JsonNode createClient(String name, List<String> roles) {
		HttpResponse<String> response = this.api.postJson("/api/auth/admin/clients",
				Map.of("name", name, "roles", roles), bearer(this.adminToken));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return body(response);
	}

	private static void assertInvalidClient(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
		assertThat(body(response).path("error").asString()).isEqualTo("invalid_client");
	}

	static void assertProblem(HttpResponse<String> response, String code) {
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("application/problem+json"));
		JsonNode problem = body(response);
		assertThat(problem.path("code").asString()).isEqualTo(code);
		assertThat(problem.path("status").asInt()).isEqualTo(response.statusCode());
		assertThat(problem.path("traceId").asString()).isNotBlank();
	}

}
