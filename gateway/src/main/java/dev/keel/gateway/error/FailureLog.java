package dev.keel.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.server.ServerWebExchange;

/**
 * Logs failures by what they mean for operators: a bug with its stack trace, a service
 * outage as one warning line, a client's mistake only at debug level.
 */
public final class FailureLog {

	private static final Logger logger = LoggerFactory.getLogger(FailureLog.class);

	private FailureLog() {
	}

	/**
	 * Logs a failure answered to a client.
	 * @param exchange the exchange, possibly forwarded to a fallback
	 * @param failure what the client is told
	 * @param cause the exception behind it
	 */
	public static void log(ServerWebExchange exchange, Failure failure, Throwable cause) {
		String request = exchange.getRequest().getMethod() + " " + OriginalRequest.path(exchange);
		if (failure.isBug()) {
			logger.error("Unexpected failure answering {}", request, cause);
		}
		else if (failure.status().is5xxServerError()) {
			logger.warn("{} answered {}: {}", request, failure.status().value(), cause.toString());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("{} answered {}: {}", request, failure.status().value(), cause.toString());
		}
	}

}
