/**
 * Cross-cutting beans and settings of auth-service: Kafka topics, security (who may call
 * what, and how access tokens are validated), scheduling and the service's
 * {@code keel.auth.*} properties.
 */
package dev.keel.auth.config;
