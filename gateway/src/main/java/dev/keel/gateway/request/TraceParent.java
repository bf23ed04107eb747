package dev.keel.gateway.request;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;

/**
 * A W3C trace context, as the {@code traceparent} header carries it: the trace a request
 * belongs to, the span that stands for the gateway in it, and whether the trace is
 * sampled. Parsed like Micrometer Tracing's W3C propagation: lower-case hex, no all-zero
 * ids, version {@code ff} refused, later versions read by their version-00 prefix.
 *
 * @param traceId 32 hex digits
 * @param spanId 16 hex digits
 * @param sampled whether the trace is sampled
 */
public record TraceParent(String traceId, String spanId, boolean sampled) {

	/** The W3C header. */
	public static final String HEADER = "traceparent";

	private static final int LENGTH = 55;

	private static final String ZERO_TRACE = "0".repeat(32);

	private static final String ZERO_SPAN = "0".repeat(16);

	private static final HexFormat HEX = HexFormat.of();

	/**
	 * Reads a {@code traceparent} header.
	 * @param header the header's value
	 * @return the context, or {@code null} when there is none or it is malformed
	 */
	static @Nullable TraceParent parse(@Nullable String header) {
		if (header == null || header.length() < LENGTH || !isHex(header, 0, 2) || header.startsWith("ff")
				|| header.charAt(2) != '-' || header.charAt(35) != '-' || header.charAt(52) != '-'
				|| !isHex(header, 3, 35) || !isHex(header, 36, 52) || !isHex(header, 53, 55)) {
			return null;
		}
		boolean versionZero = header.startsWith("00");
		if ((versionZero && header.length() != LENGTH) || (header.length() > LENGTH && header.charAt(LENGTH) != '-')) {
			return null;
		}
		String traceId = header.substring(3, 35);
		String spanId = header.substring(36, 52);
		if (traceId.equals(ZERO_TRACE) || spanId.equals(ZERO_SPAN)) {
			return null;
		}
		boolean sampled = (HexFormat.fromHexDigit(header.charAt(54)) & 1) == 1;
		return new TraceParent(traceId, spanId, sampled);
	}

	/**
	 * A new trace, with the gateway's span as its root.
	 * @param sampled whether it is sampled
	 * @return the context
	 */
	static TraceParent newTrace(boolean sampled) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return new TraceParent(HEX.toHexDigits(random.nextLong()) + HEX.toHexDigits(random.nextLong()), newSpanId(),
				sampled);
	}

	/**
	 * The gateway's span in the trace of a caller's span.
	 * @return the same trace and sampling decision, with a new span id
	 */
	TraceParent child() {
		return new TraceParent(this.traceId, newSpanId(), this.sampled);
	}

	/**
	 * The header that passes this context on.
	 * @return the {@code traceparent} value, version 00
	 */
	public String header() {
		return "00-" + this.traceId + "-" + this.spanId + (this.sampled ? "-01" : "-00");
	}

	private static String newSpanId() {
		long id;
		do {
			id = ThreadLocalRandom.current().nextLong();
		}
		while (id == 0);
		return HEX.toHexDigits(id);
	}

	private static boolean isHex(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return false;
			}
		}
		return true;
	}

}
