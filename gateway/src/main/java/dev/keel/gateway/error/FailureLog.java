package dev.keel.gateway.error;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.slf4j.spi.LoggingEventBuilder;

import org.springframework.web.server.ServerWebExchange;

/**
 * Logs failures by what they mean for operators: a bug with its stack trace, a service
 * outage as one warning line, a client's mistake only at debug level. Each line carries
 * the request's trace id, written explicitly: the gateway does not restore the trace
 * context on every reactive step.
 */
public final class FailureLog {

	private static final Logger logger = LoggerFactory.getLogger(FailureLog.class);

	private static final String TRACE_ID = "traceId";

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
			traced(logger.atError(), exchange).setCause(cause).log("Unexpected failure answering {}", request);
		}
		else if (failure.status().is5xxServerError()) {
			traced(logger.atWarn(), exchange).log("{} answered {}: {}", request, failure.status().value(),
					cause.toString());
		}
		else if (logger.isDebugEnabled()) {
			traced(logger.atDebug(), exchange).log("{} answered {}: {}", request, failure.status().value(),
					cause.toString());
		}
	}

	/**
	 * Adds the request's trace id to a log line, unless the line gets it from the current
	 * trace context already.
	 * @param line the line
	 * @param exchange the exchange it is about
	 * @return the line
	 */
	private static LoggingEventBuilder traced(LoggingEventBuilder line, ServerWebExchange exchange) {
		String traceId = OriginalRequest.traceId(exchange);
		return traceId.equals(MDC.get(TRACE_ID)) ? line : line.addKeyValue(TRACE_ID, traceId);
	}

}
