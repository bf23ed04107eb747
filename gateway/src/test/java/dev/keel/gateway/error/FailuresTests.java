package dev.keel.gateway.error;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class FailuresTests {

	static Stream<Arguments> failures() {
		return Stream.of(arguments(new ResponseStatusException(HttpStatus.NOT_FOUND), 404, "not_found"),
				arguments(new MethodNotAllowedException(HttpMethod.PATCH, List.of(HttpMethod.GET)), 405,
						"method_not_allowed"),
				arguments(new DataBufferLimitException("Exceeded limit on max bytes to buffer"), 413,
						"payload_too_large"),
				arguments(new UnsupportedMediaTypeStatusException(MediaType.TEXT_PLAIN,
						List.of(MediaType.APPLICATION_JSON)), 415, "unsupported_media_type"),
				arguments(new ServerWebInputException("Malformed JSON"), 400, "bad_request"),
				arguments(NotFoundException.create(false, "Unable to find instance for data-service"), 503,
						"service_unavailable"),
				arguments(new ConnectException("Connection refused"), 503, "service_unavailable"),
				arguments(new SocketException("Connection reset"), 503, "service_unavailable"),
				arguments(new IllegalStateException(new ConnectException("Connection refused")), 503,
						"service_unavailable"),
				arguments(CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("x")),
						503, "service_unavailable"),
				arguments(new TimeoutException("Did not observe any item"), 504, "gateway_timeout"),
				arguments(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT), 504, "gateway_timeout"),
				arguments(new IllegalStateException("a bug"), 500, "internal_error"));
	}

	@ParameterizedTest
	@MethodSource("failures")
	void mapsExceptionsToStatusAndCode(Throwable ex, int status, String code) {
		Failure failure = Failures.of(ex);
		assertThat(failure.status().value()).isEqualTo(status);
		assertThat(failure.code()).isEqualTo(code);
		assertThat(failure.detail()).isNotBlank();
	}

	@Test
	void methodNotAllowedNamesTheSupportedMethods() {
		Failure failure = Failures.of(new MethodNotAllowedException(HttpMethod.PATCH, List.of(HttpMethod.GET)));
		assertThat(failure.detail()).contains("GET");
	}

	@Test
	void serverErrorsDoNotLeakTheirMessages() {
		assertThat(Failures.of(new IllegalStateException("password=hunter2")).detail()).doesNotContain("hunter2");
		assertThat(Failures.of(new ResponseStatusException(HttpStatus.BAD_GATEWAY, "host db-7.internal")).detail())
			.doesNotContain("db-7");
		assertThat(Failures.of(new ConnectException("Connection refused: /10.0.0.7:8080")).detail())
			.doesNotContain("10.0.0.7");
	}

	@Test
	void serviceCallThatFailedUnexpectedlyMeansTheServiceIsUnavailable() {
		Failure failure = Failures.ofServiceCall(new IllegalStateException("a bug")).about("data-service");
		assertThat(failure.status().value()).isEqualTo(503);
		assertThat(failure.code()).isEqualTo("service_unavailable");
		assertThat(failure.detail()).contains("data-service");
	}

	@Test
	void serviceCallThatTimedOutIsAGatewayTimeout() {
		Failure failure = Failures.ofServiceCall(new TimeoutException()).about("auth-service");
		assertThat(failure.status().value()).isEqualTo(504);
		assertThat(failure.code()).isEqualTo("gateway_timeout");
		assertThat(failure.detail()).contains("auth-service");
	}

	@Test
	void serviceCallRejectedForTheClientsFaultKeepsItsStatus() {
		Failure failure = Failures.ofServiceCall(new DataBufferLimitException("too big")).about("data-service");
		assertThat(failure.status().value()).isEqualTo(413);
		assertThat(failure.code()).isEqualTo("payload_too_large");
	}

}
