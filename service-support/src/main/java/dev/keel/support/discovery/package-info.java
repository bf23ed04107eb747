/**
 * How a service reaches discovery: the Eureka client sends discovery's credentials
 * ({@code keel.discovery.username}/{@code password}, from {@code KEEL_DISCOVERY_USERNAME}
 * and {@code KEEL_DISCOVERY_PASSWORD}) with every registration, heartbeat and registry
 * read, without putting them into the service URLs (which Eureka logs).
 */
package dev.keel.support.discovery;
