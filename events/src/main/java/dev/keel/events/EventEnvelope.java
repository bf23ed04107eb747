package dev.keel.events;

import java.time.Instant;
import java.util.Objects;

/**
 * A CloudEvents 1.0 event in structured mode: the record's JSON form is the whole Kafka
 * record value (or webhook body), with the attributes beside {@code data}. Structured
 * mode keeps an event self-describing wherever it is copied, which binary mode
 * (attributes in headers) does not.
 * <p>
 * {@code traceparent} is the CloudEvents Distributed Tracing extension: the W3C trace
 * context of the request that caused the change, so a consumer continues that trace even
 * when the outbox publishes the event later, from another thread. It is {@code null} when
 * there was no trace, and must then be left out of the JSON rather than written as
 * {@code null}: the CloudEvents SDK for Java (4.0) reads a {@code null} extension as the
 * string {@code "null"}. With Jackson, configure {@code NON_NULL} inclusion for this
 * class only, so that {@code null} fields inside {@code data} are still written.
 *
 * @param <T> the type of the event carried as {@code data}
 * @param specversion the CloudEvents version, always {@value #SPEC_VERSION}
 * @param id the event id
 * @param source the producing service as a URI reference, such as
 * {@code /keel/auth-service}
 * @param type the event type
 * @param time when the change happened
 * @param subject the aggregate id
 * @param datacontenttype the media type of {@code data}, always
 * {@value #DATA_CONTENT_TYPE}
 * @param traceparent the W3C {@code traceparent} of the causing request, or {@code null}
 * @param data the event
 */
public record EventEnvelope<T extends IntegrationEvent>(String specversion, String id, String source, String type,
		Instant time, String subject, String datacontenttype, String traceparent, T data) {

	/** The CloudEvents specification version this envelope follows. */
	public static final String SPEC_VERSION = "1.0";

	/** The media type of {@code data}. */
	public static final String DATA_CONTENT_TYPE = "application/json";

	/** The media type of a whole envelope in structured mode. */
	public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";

	public EventEnvelope {
		Objects.requireNonNull(specversion, "specversion");
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(source, "source");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(data, "data");
	}

	/**
	 * Wrap an event, taking the id, time, type and subject from the event itself so that
	 * the envelope cannot disagree with its data.
	 * @param <T> the type of the event
	 * @param source the producing service as a URI reference
	 * @param event the event
	 * @param traceparent the W3C {@code traceparent} of the causing request, or
	 * {@code null}
	 * @return the envelope
	 */
	public static <T extends IntegrationEvent> EventEnvelope<T> wrap(String source, T event, String traceparent) {
		return new EventEnvelope<>(SPEC_VERSION, event.eventId(), source, event.type(), event.occurredAt(),
				event.aggregateId(), DATA_CONTENT_TYPE, traceparent, event);
	}

}
