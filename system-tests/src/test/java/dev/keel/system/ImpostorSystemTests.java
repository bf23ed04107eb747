package dev.keel.system;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An impostor "auth-service" that serves its own signing keys: without the discovery
 * credentials it cannot register at all, and even registered (by someone who has them) no
 * part of the platform takes keys from it, so the admin tokens it mints are refused
 * everywhere.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 88)
class ImpostorSystemTests {

	private static final String DISCOVERY = "http://localhost:" + KeelCli.port(8761);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	@Test
	void nobodyWithoutTheCredentialsCanRegisterOrReadTheRegistry() throws Exception {
		HttpResponse<String> registered = eureka("POST", "/eureka/apps/AUTH-SERVICE", instance(45999, "nobody"), null);
		HttpResponse<String> listed = eureka("GET", "/eureka/apps", null, null);
		HttpResponse<String> dashboard = eureka("GET", "/", null, null);
		HttpResponse<String> wrong = eureka("GET", "/eureka/apps", null, "Basic "
				+ Base64.getEncoder().encodeToString("keel:not-the-password".getBytes(StandardCharsets.UTF_8)));

		assertThat(registered.statusCode()).isEqualTo(401);
		assertThat(listed.statusCode()).isEqualTo(401);
		assertThat(dashboard.statusCode()).isEqualTo(401);
		assertThat(wrong.statusCode()).isEqualTo(401);
		HttpResponse<String> registry = eureka("GET", "/eureka/apps/AUTH-SERVICE", null,
				RunningPlatform.keel.discoveryAuthorization());
		assertThat(registry.statusCode()).isEqualTo(200);
		assertThat(registry.body()).doesNotContain("45999");
	}

	@Test
	void anImpostorRegisteredWithItsOwnKeysGetsNoTokenAcceptedAnywhere() throws Exception {
		RSAKey impostorKey = new RSAKeyGenerator(2048).keyID("impostor-key").generate();
		AtomicInteger keyRequests = new AtomicInteger();
		HttpServer impostor = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] jwks = new JWKSet(impostorKey.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		impostor.createContext("/", (exchange) -> {
			if (exchange.getRequestURI().getPath().contains("jwks")) {
				keyRequests.incrementAndGet();
			}
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			exchange.getResponseBody().write(jwks);
			exchange.close();
		});
		impostor.start();
		int port = impostor.getAddress().getPort();
		String instanceId = "impostor:auth-service:" + port;
		String forged = forgedAdminToken(impostorKey);
		try {
			HttpResponse<String> registered = eureka("POST", "/eureka/apps/AUTH-SERVICE", instance(port, instanceId),
					RunningPlatform.keel.discoveryAuthorization());
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(204);

			List<String> accepted = new ArrayList<>();
			Instant until = Instant.now().plusSeconds(20);
			while (Instant.now().isBefore(until)) {
				for (String target : targets()) {
					int status = get(target, forged);
					if (status != 401) {
						accepted.add(target + " answered " + status);
					}
				}
				Thread.sleep(2_000);
			}

			assertThat(accepted).as("places that accepted the impostor's token").isEmpty();
			assertThat(keyRequests.get()).as("key-set requests the impostor received").isZero();
		}
		finally {
			eureka("DELETE", "/eureka/apps/AUTH-SERVICE/" + instanceId, null,
					RunningPlatform.keel.discoveryAuthorization());
			awaitGatewayForgets(impostorKey.getKeyID());
			impostor.stop(0);
		}
	}

	/**
	 * Until the gateway's registry cache and load balancer drop the impostor, some
	 * requests to /api/auth still reach it; the tests after this one must meet the real
	 * auth-service only.
	 */
	private void awaitGatewayForgets(String impostorKid) throws Exception {
		Instant until = Instant.now().plusSeconds(30);
		int realInARow = 0;
		while (realInARow < 10 && Instant.now().isBefore(until)) {
			HttpResponse<String> keys = this.http.send(
					HttpRequest.newBuilder(URI.create(Api.GATEWAY + "/api/auth/.well-known/jwks.json")).build(),
					BodyHandlers.ofString());
			realInARow = keys.body().contains(impostorKid) ? 0 : realInARow + 1;
			Thread.sleep(200);
		}
		assertThat(realInARow).as("the gateway still routes to the deregistered impostor").isEqualTo(10);
	}

	/** The gateway's routes and each service instance's own port. */
	private static List<String> targets() throws Exception {
		List<String> targets = new ArrayList<>(
				List.of(Api.GATEWAY + "/api/data/collections", Api.GATEWAY + "/api/notifications",
						Api.GATEWAY + "/api/auth/admin/users", Api.GATEWAY + "/api/storage/buckets"));
		for (JsonNode component : RunningPlatform.components()) {
			String name = component.path("name").asString();
			String base = "http://localhost:" + component.path("port").asInt();
			if (name.startsWith("data-service")) {
				targets.add(base + "/api/data/collections");
			}
			else if (name.startsWith("notification-service")) {
				targets.add(base + "/api/notifications");
			}
			else if (name.startsWith("auth-service")) {
				targets.add(base + "/api/auth/admin/users");
			}
			else if (name.startsWith("storage-service")) {
				targets.add(base + "/api/storage/buckets");
			}
		}
		return targets;
	}

	/**
	 * An admin token as auth-service would issue it, but signed with the impostor's key.
	 */
	private static String forgedAdminToken(RSAKey key) throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		JWTClaimsSet real = SignedJWT.parse(Accounts.login(email, Accounts.PASSWORD).accessToken()).getJWTClaimsSet();
		JWTClaimsSet claims = new JWTClaimsSet.Builder(real).subject("impostor")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(600)))
			.claim("roles", List.of("user", "admin"))
			.build();
		SignedJWT token = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(),
				claims);
		token.sign(new RSASSASigner(key));
		return token.serialize();
	}

	private static String instance(int port, String instanceId) {
		return Api.json.writeValueAsString(Map.of("instance", Map.ofEntries(Map.entry("instanceId", instanceId),
				Map.entry("hostName", "127.0.0.1"), Map.entry("app", "AUTH-SERVICE"), Map.entry("ipAddr", "127.0.0.1"),
				Map.entry("status", "UP"), Map.entry("port", Map.of("$", port, "@enabled", "true")),
				Map.entry("securePort", Map.of("$", 443, "@enabled", "false")), Map.entry("vipAddress", "auth-service"),
				Map.entry("secureVipAddress", "auth-service"),
				Map.entry("dataCenterInfo",
						Map.of("@class", "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name", "MyOwn")),
				Map.entry("leaseInfo", Map.of("renewalIntervalInSecs", 30, "durationInSecs", 60)))));
	}

	/** A request to discovery, with an {@code Authorization} header value or none. */
	private HttpResponse<String> eureka(String method, String path, String body, String authorization)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(DISCOVERY + path))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private int get(String url, String token) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create(url))
				.timeout(Duration.ofSeconds(10))
				.header("Authorization", "Bearer " + token)
				.build(), BodyHandlers.discarding())
			.statusCode();
	}

}
