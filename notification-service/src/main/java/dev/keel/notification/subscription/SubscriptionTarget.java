package dev.keel.notification.subscription;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A subscription watches either a collection or a bucket, with events of what it watches,
 * and names one document only in a collection; each broken rule is reported on the field
 * a client would fix.
 */
@Documented
@Constraint(validatedBy = SubscriptionTarget.Check.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@interface SubscriptionTarget {

	String message() default "must watch a collection or a bucket";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/** Checks a {@link SubscriptionRequest}. */
	class Check implements ConstraintValidator<SubscriptionTarget, SubscriptionRequest> {

		@Override
		public boolean isValid(SubscriptionRequest request, ConstraintValidatorContext context) {
			if (request == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			boolean valid = true;
			if ((request.collection() == null) == (request.bucket() == null)) {
				valid = violation(context, "collection", "give either a collection or a bucket");
			}
			String family = (request.bucket() != null) ? "keel.file." : "keel.document.";
			if (request.events() != null
					&& request.events().stream().anyMatch((type) -> type != null && !type.startsWith(family))) {
				valid = violation(context, "events", "must be " + family + "* events for a "
						+ ((request.bucket() != null) ? "bucket" : "collection"));
			}
			if (request.documentId() != null && request.bucket() != null) {
				valid = violation(context, "documentId",
						"is for collections; a bucket's subscription covers all its files");
			}
			return valid;
		}

		private static boolean violation(ConstraintValidatorContext context, String field, String message) {
			context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
			return false;
		}

	}

}
