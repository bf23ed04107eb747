package dev.keel.support.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers requests that are broken below the level of any controller with a 4xx problem
 * instead of letting the container's parsers fail with a 500: a {@code Content-Type} that
 * is not a concrete media type with a known charset (415), a query string or form body
 * that is not valid percent-encoded UTF-8 (400), and what Spring's form and firewall
 * filters reject further down the chain (400). Runs right after the request id filter.
 */
public class MalformedRequestFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(MalformedRequestFilter.class);

	private final ProblemResponses problems;

	private final Set<String> excludedPaths;

	/**
	 * The filter.
	 * @param problems writes the problem answers
	 * @param excludedPaths request paths left alone, for endpoints whose errors have a
	 * format of their own
	 */
	public MalformedRequestFilter(ProblemResponses problems, List<String> excludedPaths) {
		this.problems = problems;
		this.excludedPaths = Set.copyOf(excludedPaths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return this.excludedPaths.contains(request.getRequestURI());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
		if (contentType != null && !isConcrete(contentType)) {
			this.problems.send(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"The Content-Type '" + abbreviate(contentType) + "' is not a media type this API reads.");
			return;
		}
		try {
			request.getParameterMap();
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			reject(request, response, ex);
			return;
		}
		try {
			chain.doFilter(request, response);
		}
		catch (HttpMessageNotReadableException ex) {
			reject(request, response, ex);
		}
		catch (RuntimeException ex) {
			if (!isRequestRejection(ex)) {
				throw ex;
			}
			reject(request, response, ex);
		}
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, Exception ex) throws IOException {
		log.debug("Malformed request to {}: {}", request.getRequestURI(), ex.toString());
		if (response.isCommitted()) {
			return;
		}
		String requestId = response.getHeader(RequestIdFilter.HEADER);
		response.reset();
		response.setHeader(RequestIdFilter.HEADER, requestId);
		this.problems.send(request, response, HttpStatus.BAD_REQUEST, "bad_request",
				"The request's parameters, path or form body are malformed (not valid percent-encoded UTF-8, "
						+ "or characters that are not allowed).");
	}

	/** Spring Security's firewall refusing a request (it is not on every classpath). */
	static boolean isRequestRejection(RuntimeException ex) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals("org.springframework.security.web.firewall.RequestRejectedException")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isConcrete(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			if (type.isWildcardType() || type.isWildcardSubtype()) {
				return false;
			}
			Charset charset = type.getCharset();
			return charset == null || charset.canEncode();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static String abbreviate(String text) {
		String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
		return (printable.length() > 100) ? printable.substring(0, 100) + "…" : printable;
	}

}
