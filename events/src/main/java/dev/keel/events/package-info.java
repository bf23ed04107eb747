/**
 * The contract between Keel's services over Kafka: the integration-event records, the
 * CloudEvents envelope that carries them, the registry that maps a CloudEvents
 * {@code type} back to its record, and the default topic names.
 * <p>
 * Only JDK types live here, so that every service can depend on this module without
 * inheriting a serializer, a framework or another service's model. Change it additively:
 * add fields and types, never rename or remove them. A field added later must have a
 * reference type, so that events written before it existed still read (as {@code null});
 * Jackson 3 refuses a missing primitive by default.
 */
package dev.keel.events;
