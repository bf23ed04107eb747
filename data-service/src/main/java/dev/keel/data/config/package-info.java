/**
 * Cross-cutting beans and settings of data-service: Kafka topics and the service's
 * {@code keel.data.*} properties.
 */
package dev.keel.data.config;
