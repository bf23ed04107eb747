/**
 * Test support for Keel's services, used at test scope only:
 * {@link dev.keel.testing.EmbeddedInfrastructure} gives integration tests a real Kafka
 * broker and a MongoDB-wire store, started once per JVM, embedded by default (from the
 * {@code embedded} module, which a test classpath adds only where it needs it) or as
 * Testcontainers when Docker is there; {@link dev.keel.testing.TestTokens} and
 * {@link dev.keel.testing.JwksServer} mint access tokens and serve their keys as
 * auth-service would; {@link dev.keel.testing.ServiceContract} checks the platform
 * contract over HTTP.
 */
package dev.keel.testing;
