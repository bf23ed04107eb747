package dev.keel.gateway.error;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/**
 * What the gateway tells a client about a request it could not serve: built by
 * {@link Failures}, rendered as problem+json by {@link ProblemResponder}.
 *
 * @param status the HTTP status
 * @param code Keel's stable machine-readable code, such as {@code service_unavailable}
 * @param detail a sentence for humans; never internals such as host names or stack traces
 */
public record Failure(HttpStatusCode status, String code, String detail) {

	/**
	 * Whether the service is down rather than the request wrong: the client may retry.
	 * @return {@code true} for 503
	 */
	public boolean isServiceOutage() {
		return this.status.value() == HttpStatus.SERVICE_UNAVAILABLE.value();
	}

	/**
	 * Whether this is a bug in the gateway: nothing a client sends may cause one.
	 * @return {@code true} for 500
	 */
	public boolean isBug() {
		return this.status.value() == HttpStatus.INTERNAL_SERVER_ERROR.value();
	}

	/**
	 * This failure with a detail that names the service, when the failure is about a
	 * service rather than about the request.
	 * @param service the service id, such as {@code data-service}
	 * @return the failure, reworded for 503 and 504
	 */
	public Failure about(String service) {
		return switch (this.status.value()) {
			case 503 -> new Failure(this.status, this.code, service + " is unavailable right now; try again shortly.");
			case 504 -> new Failure(this.status, this.code, service + " did not answer in time.");
			default -> this;
		};
	}

}
