package dev.keel.gateway.edge;

import dev.keel.gateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

class CrossOriginIntegrationTests extends GatewayTestSupport {

	private static final String ALLOWED = "http://localhost:5173";

	private static final String REFUSED = "https://evil.example";

	@Test
	void preflightFromAllowedOriginIsAnsweredByTheGateway() {
		int before = dataServiceRequests();
		this.client.options()
			.uri("/api/data/things")
			.header("Origin", ALLOWED)
			.header("Access-Control-Request-Method", "PATCH")
			.header("Access-Control-Request-Headers", "authorization, content-type, if-match")
			.exchange()
			.expectStatus()
			.isNoContent()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", ALLOWED)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Methods", "GET,POST,PUT,PATCH,DELETE,OPTIONS")
			.expectHeader()
			.valueEquals("Access-Control-Allow-Headers", "authorization, content-type, if-match")
			.expectHeader()
			.valueEquals("Access-Control-Max-Age", "600")
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Credentials")
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.isEmpty();
		assertThat(dataServiceRequests()).as("requests routed to the service").isEqualTo(before);
	}

	@Test
	void preflightFromRefusedOriginGetsForbiddenProblem() {
		int before = dataServiceRequests();
		this.client.options()
			.uri("/api/data/things")
			.header("Origin", REFUSED)
			.header("Access-Control-Request-Method", "GET")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectHeader()
			.exists("X-Request-Id")
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("cors_refused")
			.jsonPath("$.status")
			.isEqualTo(403)
			.jsonPath("$.instance")
			.isEqualTo("/api/data/things");
		assertThat(dataServiceRequests()).as("requests routed to the service").isEqualTo(before);
	}

	@Test
	void aPageMayAskForARangeOfAFileAndResumeAnUpload() {
		int before = storage.requests();
		for (String method : new String[] { "GET", "PATCH", "POST" }) {
			this.client.options()
				.uri("/api/storage/buckets/photos/objects/f1/content")
				.header("Origin", ALLOWED)
				.header("Access-Control-Request-Method", method)
				.header("Access-Control-Request-Headers",
						"authorization, range, tus-resumable, upload-offset, upload-length, upload-metadata")
				.exchange()
				.expectStatus()
				.isNoContent()
				.expectHeader()
				.valueEquals("Access-Control-Allow-Origin", ALLOWED);
		}
		assertThat(storage.requests()).as("preflights routed to the service").isEqualTo(before);
	}

	@Test
	void preflightAskingForAnUnlistedHeaderIsRefused() {
		this.client.options()
			.uri("/api/data/things")
			.header("Origin", ALLOWED)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "authorization, x-user-id")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("cors_refused");
	}

	@Test
	void preflightAskingForAnUnlistedMethodIsRefused() {
		this.client.options()
			.uri("/api/data/things")
			.header("Origin", ALLOWED)
			.header("Access-Control-Request-Method", "TRACE")
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("cors_refused");
	}

	@Test
	void answerToAllowedOriginCanBeReadByThePage() {
		this.client.get()
			.uri("/api/data/things")
			.header("Origin", ALLOWED)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", ALLOWED)
			.expectHeader()
			.valueEquals("Access-Control-Expose-Headers",
					"ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-Request-Id, "
							+ "Content-Range, Accept-Ranges, Content-Disposition, Upload-Offset, Upload-Length, "
							+ "Upload-Expires, Tus-Resumable, Tus-Version, Tus-Extension, Tus-Max-Size")
			.expectHeader()
			.valueEquals("Vary", "Origin");
	}

	@Test
	void answerToRefusedOriginCarriesNoAllowOrigin() {
		this.client.get()
			.uri("/api/data/things")
			.header("Origin", REFUSED)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin")
			.expectHeader()
			.doesNotExist("Access-Control-Expose-Headers");
	}

	@Test
	void serviceCorsHeadersAreReplacedByTheGateways() {
		this.client.get()
			.uri("/api/data/with-own-headers")
			.header("Origin", ALLOWED)
			.exchange()
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", ALLOWED);
		this.client.get()
			.uri("/api/data/with-own-headers")
			.header("Origin", REFUSED)
			.exchange()
			.expectHeader()
			.doesNotExist("Access-Control-Allow-Origin");
	}

	@Test
	void errorAnswersToAllowedOriginCarryCorsHeaders() {
		this.client.method(HttpMethod.GET)
			.uri("/api/nope")
			.headers(tokens::authorize)
			.header("Origin", ALLOWED)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.NOT_FOUND)
			.expectHeader()
			.valueEquals("Access-Control-Allow-Origin", ALLOWED);
	}

}
