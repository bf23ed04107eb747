package dev.keel.gateway.account;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatusCode;

/**
 * What auth-service answered a page's call, reduced to what the page shows.
 */
sealed interface AuthReply {

	/** A 2xx: the token was redeemed, or the request accepted. */
	record Accepted() implements AuthReply {
	}

	/**
	 * A 4xx other than 429: a used, expired or unknown token, or a field the service
	 * refused.
	 *
	 * @param status the status auth-service answered
	 * @param problem its problem document, or {@link ApiProblem#NONE}
	 */
	record Rejected(HttpStatusCode status, ApiProblem problem) implements AuthReply {
	}

	/**
	 * A 429: too many attempts from this client.
	 *
	 * @param retryAfter the service's {@code Retry-After}, if it sent one
	 */
	record Busy(@Nullable String retryAfter) implements AuthReply {
	}

	/** auth-service could not be reached, did not answer in time, or failed. */
	record Unavailable() implements AuthReply {
	}

	/**
	 * The part of auth-service's problem+json (API.md §1) that a page uses.
	 *
	 * @param code the stable code, such as {@code invalid_token}
	 * @param errors the field errors of a {@code validation_failed} problem
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record ApiProblem(@Nullable String code, @Nullable List<FieldError> errors) {

		static final ApiProblem NONE = new ApiProblem(null, null);

		/**
		 * What the service said about one field.
		 * @param field the field name, such as {@code newPassword}
		 * @return the message, such as {@code must be at least 8 characters}
		 */
		Optional<String> errorOf(String field) {
			return Optional.ofNullable(this.errors)
				.flatMap((list) -> list.stream().filter((error) -> field.equals(error.field())).findFirst())
				.map(FieldError::message);
		}

	}

	/**
	 * One entry of a problem's {@code errors}.
	 *
	 * @param field the field
	 * @param message what is wrong with it
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record FieldError(String field, String message) {
	}

}
