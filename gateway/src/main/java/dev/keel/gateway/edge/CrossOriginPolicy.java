package dev.keel.gateway.edge;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Who may call the API from a browser, and with what: the configured origins, the methods
 * and request headers the API uses, and the response headers a page may read. No
 * credentials: clients authenticate with bearer tokens, never with cookies.
 */
final class CrossOriginPolicy {

	/**
	 * Besides the API's own, what a page needs to read from files: a ranged download's
	 * {@code Content-Range}, a file's name in {@code Content-Disposition}, and the tus
	 * headers of resumable uploads.
	 */
	static final List<String> EXPOSED_HEADERS = List.of(HttpHeaders.ETAG, HttpHeaders.LOCATION, HttpHeaders.RETRY_AFTER,
			"RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset", "X-Request-Id", HttpHeaders.CONTENT_RANGE,
			HttpHeaders.ACCEPT_RANGES, HttpHeaders.CONTENT_DISPOSITION, "Upload-Offset", "Upload-Length",
			"Upload-Expires", "Tus-Resumable", "Tus-Version", "Tus-Extension", "Tus-Max-Size");

	private static final List<String> ALLOWED_METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	/**
	 * The request headers the API reads, the file downloads' {@code Range} and the tus
	 * headers of resumable uploads among them.
	 */
	private static final List<String> ALLOWED_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE,
			HttpHeaders.IF_MATCH, HttpHeaders.IF_NONE_MATCH, "Idempotency-Key", "Last-Event-ID", "X-Request-Id",
			HttpHeaders.RANGE, "Tus-Resumable", "Upload-Length", "Upload-Offset", "Upload-Metadata");

	private final CorsConfiguration configuration = new CorsConfiguration();

	CrossOriginPolicy(EdgeSettings.Cors settings) {
		// Patterns accept exact origins as well, and answer with the request's origin.
		this.configuration.setAllowedOriginPatterns(settings.allowedOrigins().stream().map(String::trim).toList());
		this.configuration.setAllowedMethods(ALLOWED_METHODS);
		this.configuration.setAllowedHeaders(ALLOWED_HEADERS);
		this.configuration.setExposedHeaders(EXPOSED_HEADERS);
		this.configuration.setAllowCredentials(false);
		this.configuration.setMaxAge(settings.maxAge());
	}

	/**
	 * The {@code Access-Control-Allow-Origin} for a request.
	 * @param origin the request's {@code Origin}, if any
	 * @return the origin to allow, or {@code null} when the request is not from an
	 * allowed origin
	 */
	@Nullable String allowedOrigin(@Nullable String origin) {
		return this.configuration.checkOrigin(origin);
	}

	/**
	 * The answer to a preflight request.
	 * @param origin the {@code Origin}
	 * @param method the {@code Access-Control-Request-Method}
	 * @param headers the {@code Access-Control-Request-Headers}
	 * @return what to allow, or why not
	 */
	Preflight preflight(@Nullable String origin, @Nullable HttpMethod method, List<String> headers) {
		String allowedOrigin = allowedOrigin(origin);
		if (allowedOrigin == null) {
			return new Preflight.Refused("This origin may not call the API from a browser.");
		}
		List<HttpMethod> allowedMethods = this.configuration.checkHttpMethod(method);
		if (allowedMethods == null) {
			return new Preflight.Refused(
					"Cross-origin requests may use only " + String.join(", ", ALLOWED_METHODS) + ".");
		}
		List<String> allowedHeaders = this.configuration.checkHeaders(headers);
		if (allowedHeaders == null || allowedHeaders.size() < nonBlank(headers)) {
			return new Preflight.Refused(
					"Cross-origin requests may send only the headers " + String.join(", ", ALLOWED_HEADERS) + ".");
		}
		return new Preflight.Allowed(allowedOrigin, allowedMethods, allowedHeaders);
	}

	long maxAge() {
		Long maxAge = this.configuration.getMaxAge();
		return (maxAge != null) ? maxAge : 0;
	}

	private static long nonBlank(List<String> headers) {
		return headers.stream().filter((header) -> !header.isBlank()).count();
	}

	/** A preflight's answer. */
	sealed interface Preflight {

		/**
		 * The preflight is allowed.
		 *
		 * @param origin the origin to allow
		 * @param methods the methods to allow
		 * @param headers the request headers to allow
		 */
		record Allowed(String origin, List<HttpMethod> methods, List<String> headers) implements Preflight {
		}

		/**
		 * The preflight is refused.
		 *
		 * @param reason why, for the client's developer
		 */
		record Refused(String reason) implements Preflight {
		}

	}

}
