package dev.keel.storage.config;

import java.io.EOFException;
import java.io.IOException;

import org.apache.coyote.BadRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

import dev.keel.storage.bucket.AccessRefusedException;
import dev.keel.storage.bucket.BucketNotFoundException;
import dev.keel.storage.bucket.InvalidBucketException;
import dev.keel.storage.object.ObjectRejectedException;
import dev.keel.storage.tus.UploadRejectedException;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.ProblemHandler;
import dev.keel.support.web.Problems;
import dev.keel.support.web.TraceIds;

/**
 * The one place where storage-service's exceptions become problem documents, with the
 * shared handler's title, instance and {@code traceId}. Ordered before the shared
 * handler, whose catch-all would otherwise answer them with a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class StorageProblemHandler extends ProblemHandler {

	private static final Logger log = LoggerFactory.getLogger(StorageProblemHandler.class);

	StorageProblemHandler(TraceIds traceIds) {
		super(traceIds);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(BucketNotFoundException ex, WebRequest request) {
		return respond(KeelProblemException.notFound("bucket_not_found", ex.getMessage()), request);
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
	ResponseEntity<Object> handle(InvalidBucketException ex, WebRequest request) {
		KeelProblemException problem = new KeelProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
				ex.getMessage());
		problem.getBody().setProperty(Problems.ERRORS, ex.errors());
		return respond(problem, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(ObjectRejectedException ex, WebRequest request) {
		HttpStatus status = switch (ex.reason()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case SIGNATURE -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
		};
		KeelProblemException problem = new KeelProblemException(status, ex.code(), ex.getMessage());
		if (!ex.errors().isEmpty()) {
			problem.getBody().setProperty(Problems.ERRORS, ex.errors());
		}
		return respond(problem, request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handle(UploadRejectedException ex, WebRequest request) {
		HttpStatus status = switch (ex.reason()) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case LOCKED -> HttpStatus.LOCKED;
		};
		HttpHeaders headers = new HttpHeaders();
		headers.set("Tus-Resumable", "1.0.0");
		return respond(new KeelProblemException(status, ex.code(), ex.getMessage(), headers), request);
	}

	/**
	 * The client went away or sent less than it announced, in the middle of an upload:
	 * nothing was kept, and there is nobody to answer (a 400 if the connection still is).
	 */
	@ExceptionHandler({ EOFException.class, BadRequestException.class })
	ResponseEntity<Object> handleCutOff(IOException ex, WebRequest request) {
		log.debug("Upload cut off: {}", ex.getMessage());
		return respond(new KeelProblemException(HttpStatus.BAD_REQUEST, "upload_interrupted",
				"The request body ended before it was complete; nothing was stored."), request);
	}

	/** Answers as the shared handler answers a {@link KeelProblemException} thrown. */
	private ResponseEntity<Object> respond(ErrorResponseException problem, WebRequest request) {
		return handleErrorResponseException(problem, problem.getHeaders(), problem.getStatusCode(), request);
	}

}
