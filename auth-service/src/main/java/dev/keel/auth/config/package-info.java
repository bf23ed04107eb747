/**
 * Cross-cutting beans and settings of auth-service: Kafka topics and the service's
 * {@code keel.auth.*} properties.
 */
package dev.keel.auth.config;
