package dev.keel.support.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Answers the servlet container's error dispatches (errors raised outside controllers,
 * such as in filters) with the same problem document as everything else, replacing Boot's
 * default error JSON.
 */
@RequestMapping("${server.error.path:/error}")
public class ProblemErrorController implements ErrorController {

	private final TraceIds traceIds;

	public ProblemErrorController(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatusCode status = status(request);
		String detail = status.is5xxServerError() ? "An unexpected error occurred. Quote the traceId when reporting it."
				: HttpStatus.valueOf(status.value()).getReasonPhrase();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Problems.complete(problem, (path != null) ? path.toString() : null, this.traceIds.current(request));
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatusCode status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value && HttpStatus.resolve(value) != null) {
			return HttpStatusCode.valueOf(value);
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
