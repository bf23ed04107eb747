/**
 * The infrastructure Keel runs on, embedded so that a laptop needs nothing but a JDK: a
 * single-node Kafka broker in KRaft mode ({@link dev.keel.launcher.infra.KafkaBroker}), a
 * MongoDB-wire store ({@link dev.keel.launcher.infra.MongoStore}) and a mail sink with a
 * Mailpit-compatible HTTP API ({@link dev.keel.launcher.infra.MailSink}).
 * <p>
 * The launcher runs each of them as its own OS process through the hidden
 * {@link dev.keel.launcher.infra.InfraCommand} ({@code keel infra kafka|mongo|mail}), so
 * a crash or a restart of one does not take the others down. Tests use the same classes
 * in-process through {@link dev.keel.launcher.testing.EmbeddedInfrastructure}.
 */
package dev.keel.launcher.infra;
