/**
 * The infrastructure Keel runs on, embedded so that a laptop needs nothing but a JDK: a
 * single-node Kafka broker in KRaft mode ({@link dev.keel.embedded.KafkaBroker}), a
 * MongoDB-wire store ({@link dev.keel.embedded.MongoStore}) and a mail sink with a
 * Mailpit-compatible HTTP API ({@link dev.keel.embedded.MailSink}).
 * <p>
 * The {@code keel} command runs each of them as its own OS process ({@code keel infra
 * kafka|mongo|mail}, in the {@code cli} module); tests start the same classes in-process
 * through {@code dev.keel.testing.EmbeddedInfrastructure} ({@code test-support}) or
 * directly.
 */
package dev.keel.embedded;
