/**
 * Cross-cutting beans and settings of notification-service: Kafka topics and the
 * service's {@code keel.notification.*} properties.
 */
package dev.keel.notification.config;
