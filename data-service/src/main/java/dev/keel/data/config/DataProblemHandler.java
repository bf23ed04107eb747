package dev.keel.data.config;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import dev.keel.data.collection.CollectionNotFoundException;
import dev.keel.data.document.AccessRefusedException;
import dev.keel.data.document.UnreadableBodyException;
import dev.keel.data.query.QueryRejectedException;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.ProblemHandler;
import dev.keel.support.web.Problems;
import dev.keel.support.web.Problems.FieldProblem;
import dev.keel.support.web.TraceIds;

/**
 * The one place where data-service's domain exceptions become problem documents, with the
 * shared handler's title, instance and {@code traceId}. Ordered before the shared
 * handler, whose catch-all would otherwise answer them with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DataProblemHandler extends ProblemHandler {

	DataProblemHandler(TraceIds traceIds) {
		super(traceIds);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(CollectionNotFoundException ex, WebRequest request) {
		return respond(KeelProblemException.notFound("collection_not_found", ex.getMessage()), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(AccessRefusedException ex, WebRequest request) {
		if (!ex.tokenNeeded()) {
			return respond(new KeelProblemException(HttpStatus.FORBIDDEN, "forbidden", ex.getMessage()), request);
		}
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		return respond(new KeelProblemException(HttpStatus.UNAUTHORIZED, "unauthorized", ex.getMessage(), headers),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(UnreadableBodyException ex, WebRequest request) {
		return respond(
				ex.tooLarge()
						? new KeelProblemException(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", ex.getMessage())
						: new KeelProblemException(HttpStatus.BAD_REQUEST, "malformed_request", ex.getMessage()),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(QueryRejectedException ex, WebRequest request) {
		KeelProblemException problem = new KeelProblemException(HttpStatus.BAD_REQUEST, ex.code(), ex.getMessage());
		if (ex.field() != null) {
			problem.getBody().setProperty(Problems.ERRORS, List.of(new FieldProblem(ex.field(), ex.getMessage())));
		}
		return respond(problem, request);
	}

	/** Answers as the shared handler answers a {@link KeelProblemException} thrown. */
	private ResponseEntity<Object> respond(ErrorResponseException problem, WebRequest request) {
		return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), request);
	}

}
