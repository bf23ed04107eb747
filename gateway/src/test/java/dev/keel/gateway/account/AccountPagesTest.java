package dev.keel.gateway.account;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import dev.keel.gateway.GatewayTokens;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One gateway, shared by the account pages' tests, in front of an auth-service stub that
 * records the calls the pages make and answers what each test asks for.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "eureka.client.enabled=false", "management.server.port=0" })
abstract class AccountPagesTest {

	static final AuthServiceStub auth = AuthServiceStub.start();

	static final GatewayTokens tokens = GatewayTokens.start();

	static final String INVALID_TOKEN = """
			{"type":"about:blank","title":"Bad Request","status":400,"code":"invalid_token",
			 "detail":"The link is invalid, already used or expired. Request a new one."}""";

	@DynamicPropertySource
	static void authService(DynamicPropertyRegistry registry) {
		registry.add("spring.cloud.discovery.client.simple.instances.auth-service[0].uri", auth::uri);
		tokens.register(registry);
	}

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void connect() {
		this.client = WebTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		auth.willAnswer(204);
	}

	static String validationProblem(String field, String message) {
		return """
				{"type":"about:blank","title":"Bad Request","status":400,"code":"validation_failed",
				 "detail":"The request has invalid fields.","errors":[{"field":"%s","message":"%s"}]}"""
			.formatted(field, message);
	}

	/**
	 * GETs a page and returns its HTML, checking the status and the content type. The
	 * query is sent as written, already encoded, as in a link from an email.
	 */
	String get(String pathAndQuery, HttpStatus status) {
		return html(this.client.get().uri(URI.create("http://localhost:" + this.port + pathAndQuery)).exchange(),
				status);
	}

	/** Submits a form as a browser does and returns the HTML answered. */
	String submit(String path, Map<String, String> fields, HttpStatus status) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		fields.forEach(form::add);
		return html(this.client.post()
			.uri(path)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(BodyInserters.fromFormData(form))
			.exchange(), status);
	}

	private static String html(WebTestClient.ResponseSpec response, HttpStatus status) {
		String body = response.expectStatus()
			.isEqualTo(status)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).startsWith("<!DOCTYPE html>").doesNotContain("<script");
		return body;
	}

}
