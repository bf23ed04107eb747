package dev.keel.support.web;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;

/**
 * Writes Keel's problem documents from servlet filters (Spring Security's, the
 * malformed-request check), which answer before any controller advice could: the same
 * fields as {@code ProblemHandler}'s, with the {@code traceId}.
 */
public final class ProblemResponses {

	private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

	private final TraceIds traceIds;

	public ProblemResponses(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	public void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String detail) throws IOException {
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
