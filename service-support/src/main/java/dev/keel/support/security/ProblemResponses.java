package dev.keel.support.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

import dev.keel.support.web.Problems;
import dev.keel.support.web.TraceIds;

/**
 * Writes Keel's problem documents from Spring Security's filters, which answer before any
 * controller advice could: the same fields as {@code ProblemHandler}'s, with the
 * {@code traceId}.
 */
final class ProblemResponses {

	private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

	private final TraceIds traceIds;

	ProblemResponses(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
			throws IOException {
		ProblemDetail problem = Problems.of(status, code, detail);
		problem.setTitle(status.getReasonPhrase());
		problem.setInstance(URI.create(request.getRequestURI()));
		String traceId = this.traceIds.current(request);
		if (traceId != null) {
			problem.setProperty(Problems.TRACE_ID, traceId);
		}
		response.setStatus(status.value());
		this.json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
	}

}
