/**
 * Cross-cutting beans and settings of data-service: Kafka topics, the service's
 * {@code keel.data.*} properties, and the mapping of its domain exceptions to problem
 * documents.
 */
package dev.keel.data.config;
