package dev.keel.support.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponseException;

/**
 * An error a service reports on purpose, with Keel's stable {@code code}. Thrown for
 * infrastructure conditions and not-found lookups; expected business rejections are
 * modelled as values in the services and only turned into this at the web boundary.
 */
public class KeelProblemException extends ErrorResponseException {

	public KeelProblemException(HttpStatusCode status, String code, String detail) {
		this(status, code, detail, new HttpHeaders());
	}

	public KeelProblemException(HttpStatusCode status, String code, String detail, HttpHeaders headers) {
		super(status, Problems.of(status, code, detail), null);
		getHeaders().addAll(headers);
	}

	public static KeelProblemException notFound(String code, String detail) {
		return new KeelProblemException(HttpStatusCode.valueOf(404), code, detail);
	}

}
