/**
 * Test support for Keel's services:
 * {@link dev.keel.launcher.testing.EmbeddedInfrastructure} gives integration tests a real
 * Kafka broker and a MongoDB-wire store, started once per JVM, embedded by default or as
 * Testcontainers when Docker is there.
 */
package dev.keel.launcher.testing;
