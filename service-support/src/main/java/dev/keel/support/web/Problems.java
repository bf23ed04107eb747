package dev.keel.support.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds Keel's problem documents in one place, so every service answers errors in the
 * same shape: RFC 9457 fields plus a stable {@code code}, the {@code traceId} and, for
 * validation errors, the {@code errors} list.
 */
public final class Problems {

	public static final String CODE = "code";

	public static final String TRACE_ID = "traceId";

	public static final String ERRORS = "errors";

	private static final Map<Integer, String> DEFAULT_CODES = Map.ofEntries(Map.entry(400, "bad_request"),
			Map.entry(401, "unauthorized"), Map.entry(403, "forbidden"), Map.entry(404, "not_found"),
			Map.entry(405, "method_not_allowed"), Map.entry(406, "not_acceptable"), Map.entry(409, "conflict"),
			Map.entry(412, "version_conflict"), Map.entry(413, "payload_too_large"),
			Map.entry(415, "unsupported_media_type"), Map.entry(422, "validation_failed"),
			Map.entry(429, "rate_limited"), Map.entry(503, "service_unavailable"), Map.entry(504, "gateway_timeout"));

	private Problems() {
	}

	/** The code a status gets when nothing more specific is known. */
	public static String defaultCode(HttpStatusCode status) {
		return DEFAULT_CODES.getOrDefault(status.value(), status.is5xxServerError() ? "internal_error" : "bad_request");
	}

	public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setProperty(CODE, code);
		return problem;
	}

	public static ProblemDetail validation(String detail, List<FieldProblem> errors) {
		ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "validation_failed", detail);
		problem.setProperty(ERRORS, errors);
		return problem;
	}

	/**
	 * Fills what a handler left out: the title, the instance, the code and the trace id.
	 */
	static ProblemDetail complete(ProblemDetail problem, String path, String traceId) {
		HttpStatus status = HttpStatus.resolve(problem.getStatus());
		if (problem.getTitle() == null && status != null) {
			problem.setTitle(status.getReasonPhrase());
		}
		if (problem.getInstance() == null && path != null) {
			problem.setInstance(URI.create(path));
		}
		Map<String, Object> properties = problem.getProperties();
		if (properties == null || !properties.containsKey(CODE)) {
			problem.setProperty(CODE, defaultCode(HttpStatusCode.valueOf(problem.getStatus())));
		}
		if (traceId != null) {
			problem.setProperty(TRACE_ID, traceId);
		}
		return problem;
	}

	/** One entry of a problem's {@code errors} list. */
	public record FieldProblem(String field, String message) {
	}

}
