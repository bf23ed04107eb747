package dev.keel.support.web;

import java.util.List;
import java.util.Set;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * Turns every exception that leaves a controller into a problem document. Spring MVC's
 * own exceptions keep their 4xx statuses; bad JSON names the offending field; an
 * unreachable database is a 503; anything else is a bug and answers 500 without leaking
 * details.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

	private static final Set<String> SECURITY_EXCEPTIONS = Set.of(
			"org.springframework.security.access.AccessDeniedException",
			"org.springframework.security.core.AuthenticationException");

	private final TraceIds traceIds;

	public ProblemHandler(TraceIds traceIds) {
		this.traceIds = traceIds;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map((error) -> new FieldProblem(error.getField(), error.getDefaultMessage()))
			.toList();
		return handleExceptionInternal(ex, Problems.validation("The request has invalid fields.", errors), headers,
				HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = switch (ex.getMostSpecificCause()) {
			case UnrecognizedPropertyException unknown -> Problems.validation("The request has unknown fields.",
					List.of(new FieldProblem(path(unknown), "unknown field")));
			case InvalidFormatException invalid -> Problems.validation("The request has fields of the wrong type.",
					List.of(new FieldProblem(path(invalid), "has the wrong type or format")));
			case MismatchedInputException mismatched when !mismatched.getPath().isEmpty() ->
				Problems.validation("The request has fields of the wrong type.",
						List.of(new FieldProblem(path(mismatched), "has the wrong type")));
			default -> Problems.of(HttpStatus.BAD_REQUEST, "malformed_request",
					"The request body is missing or is not valid JSON.");
		};
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	/**
	 * The database cannot be reached, whether the call went through Spring Data (which
	 * translates the driver's exception) or straight to the driver.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, MongoTimeoutException.class,
			MongoSocketException.class })
	ResponseEntity<Object> handleDatabaseUnavailable(Exception ex, WebRequest request) {
		log.warn("Database unreachable: {}", ex.getMessage());
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, "5");
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service_unavailable",
				"The service's database is unreachable. Try again shortly.");
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) throws Exception {
		if (isSecurityException(ex)) {
			// Spring Security's filters answer these (401, 403), as for denials before
			// the controller; a 500 here would hide a method-security denial.
			throw ex;
		}
		if (ex instanceof RuntimeException runtime && MalformedRequestFilter.isRequestRejection(runtime)) {
			// Spring Security's firewall, checking parameters as the controller reads
			// them
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad_request", ex.getMessage());
			return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
		}
		log.error("Unhandled exception for {}", path(request), ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
				"An unexpected error occurred. Quote the traceId when reporting it.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	/**
	 * Whether this is one of Spring Security's access-denied or authentication
	 * exceptions, matched by name so that services without Spring Security can use this
	 * handler.
	 */
	private static boolean isSecurityException(Exception ex) {
		for (Class<?> type = ex.getClass(); type != null; type = type.getSuperclass()) {
			if (SECURITY_EXCEPTIONS.contains(type.getName())) {
				return true;
			}
		}
		return false;
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			HttpServletRequest servletRequest = servletRequest(request);
			Problems.complete(problem, path(request), this.traceIds.current(servletRequest));
		}
		return response;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	private static String path(WebRequest request) {
		HttpServletRequest servletRequest = servletRequest(request);
		return (servletRequest != null) ? servletRequest.getRequestURI() : null;
	}

	private static HttpServletRequest servletRequest(WebRequest request) {
		return (request instanceof NativeWebRequest nativeRequest)
				? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
	}

}
