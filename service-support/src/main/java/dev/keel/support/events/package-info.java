/**
 * How services read Keel's integration events from Kafka: one
 * {@link IntegrationEventDeserializer} turns a record's CloudEvents JSON into the typed
 * event, behind Spring Kafka's {@code ErrorHandlingDeserializer}, in the listener
 * container factory {@value KeelEventsAutoConfiguration#LISTENER_CONTAINER_FACTORY}. A
 * listener on that factory takes the event itself ({@code on(UserDisabled event)}); a
 * record that is not such an event never reaches it and goes to the dead-letter topic
 * through the service's error handler.
 * <p>
 * The event types themselves are contracts and live in the {@code events} module; this
 * package only reads them.
 */
package dev.keel.support.events;
