package dev.keel.gateway.request;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

import org.springframework.web.server.ServerWebExchange;

/**
 * The id that ties a client's request to the gateway's and the services' logs: the
 * client's own {@code X-Request-Id} when it is sane, otherwise a fresh UUID.
 */
public final class RequestIds {

	/** The header that carries the id, both ways. */
	public static final String HEADER = "X-Request-Id";

	static final String ATTRIBUTE = RequestIds.class.getName() + ".id";

	// Long or exotic ids would let a client inject noise into every log line downstream.
	private static final int MAX_LENGTH = 128;

	private RequestIds() {
	}

	/**
	 * The id of the request being handled in the given exchange.
	 * @param exchange the exchange
	 * @return the request id, or {@code null} before {@link RequestIdFilter} has run
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		return exchange.getAttribute(ATTRIBUTE);
	}

	static String acceptOrGenerate(@Nullable String candidate) {
		return (candidate != null && isSane(candidate)) ? candidate : generate();
	}

	// [A-Za-z0-9._:-]{1,128}, without a regular expression on every request.
	private static boolean isSane(String candidate) {
		if (candidate.isEmpty() || candidate.length() > MAX_LENGTH) {
			return false;
		}
		for (int i = 0; i < candidate.length(); i++) {
			char c = candidate.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
					|| c == ':' || c == '-')) {
				return false;
			}
		}
		return true;
	}

	// A random (version 4) UUID. An id names a request in logs and guards nothing, so it
	// needs no SecureRandom, whose lock every request would otherwise take.
	private static String generate() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
		return new UUID(high, low).toString();
	}

}
