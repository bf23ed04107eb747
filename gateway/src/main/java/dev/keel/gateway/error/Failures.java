package dev.keel.gateway.error;

import java.io.IOException;
import java.util.Locale;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * Decides what a client is told about an exception: its status, code and detail.
 */
public final class Failures {

	private Failures() {
	}

	/**
	 * The failure for an exception that reached the gateway's error handler.
	 * @param ex the exception
	 * @return the failure to report
	 */
	public static Failure of(Throwable ex) {
		return withStatus(statusOf(ex), ex);
	}

	/**
	 * The failure for an exception a circuit breaker caught while a service was being
	 * called: a timeout stays a timeout and a client error keeps its status, but anything
	 * else means that the service could not serve the request.
	 * @param ex the exception the breaker recorded
	 * @return the failure to report
	 */
	public static Failure ofServiceCall(Throwable ex) {
		Failure failure = of(ex);
		if (failure.status().is4xxClientError() || failure.status().value() == HttpStatus.GATEWAY_TIMEOUT.value()) {
			return failure;
		}
		return withStatus(HttpStatus.SERVICE_UNAVAILABLE, ex);
	}

	private static Failure withStatus(HttpStatusCode status, Throwable ex) {
		return new Failure(status, codeOf(status), detailOf(status, ex));
	}

	private static HttpStatusCode statusOf(Throwable ex) {
		if (ex instanceof ErrorResponse response) {
			return response.getStatusCode();
		}
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			HttpStatusCode status = statusOfCause(cause);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static @Nullable HttpStatusCode statusOfCause(Throwable cause) {
		if (cause instanceof java.util.concurrent.TimeoutException
				|| cause instanceof org.springframework.cloud.gateway.support.TimeoutException
				|| cause instanceof io.netty.handler.timeout.TimeoutException) {
			return HttpStatus.GATEWAY_TIMEOUT;
		}
		// IOException covers refused, reset and prematurely closed connections.
		if (cause instanceof IOException || cause instanceof CallNotPermittedException
				|| cause instanceof ServiceUnavailableException) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		if (cause instanceof DataBufferLimitException) {
			return HttpStatus.CONTENT_TOO_LARGE;
		}
		ResponseStatus annotation = AnnotatedElementUtils.findMergedAnnotation(cause.getClass(), ResponseStatus.class);
		return (annotation != null) ? annotation.code() : null;
	}

	private static String codeOf(HttpStatusCode status) {
		return switch (status.value()) {
			case 413 -> "payload_too_large";
			case 500 -> "internal_error";
			default -> {
				HttpStatus known = HttpStatus.resolve(status.value());
				yield (known != null) ? known.name().toLowerCase(Locale.ROOT) : "http_" + status.value();
			}
		};
	}

	private static String detailOf(HttpStatusCode status, Throwable ex) {
		return switch (status.value()) {
			case 404 -> "Nothing is served at this path.";
			case 413 -> "The request body is too large.";
			case 500 -> "The gateway failed unexpectedly; quote the traceId when reporting this.";
			case 503 -> "The service is unavailable right now; try again shortly.";
			case 504 -> "The service did not answer in time.";
			default -> clientDetail(status, ex);
		};
	}

	// Spring's own 4xx exceptions word their detail for clients ("Supported methods:
	// [POST]"); 5xx details could leak internals, so those get the status phrase only.
	private static String clientDetail(HttpStatusCode status, Throwable ex) {
		if (status.is4xxClientError() && ex instanceof ErrorResponse response
				&& response.getBody().getDetail() != null) {
			return response.getBody().getDetail();
		}
		HttpStatus known = HttpStatus.resolve(status.value());
		return (known != null) ? known.getReasonPhrase() + "." : "HTTP " + status.value() + ".";
	}

}
