/**
 * Service discovery for Keel: a Eureka server and nothing else. Its settings make a
 * started instance visible, and a vanished one forgotten, within seconds on a laptop;
 * production values are noted beside each setting in {@code application.yml}. Everything
 * but the management port's probes and metrics needs HTTP Basic
 * ({@code DiscoverySecurity}): discovery says where instances are, it is not trusted to
 * say who they are.
 */
package dev.keel.discovery;
