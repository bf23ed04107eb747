/**
 * Test support for Keel's services:
 * {@link dev.keel.launcher.testing.EmbeddedInfrastructure} gives integration tests a real
 * Kafka broker and a MongoDB-wire store, started once per JVM, embedded by default or as
 * Testcontainers when Docker is there; {@link dev.keel.launcher.testing.TestTokens} and
 * {@link dev.keel.launcher.testing.JwksServer} mint access tokens and serve their keys as
 * auth-service would; {@link dev.keel.launcher.testing.ServiceContract} checks the
 * platform contract over HTTP.
 */
package dev.keel.launcher.testing;
