/**
 * Service discovery for Keel: a Eureka server and nothing else. Its settings make a
 * started instance visible, and a vanished one forgotten, within seconds on a laptop;
 * production values are noted beside each setting in {@code application.yml}.
 */
package dev.keel.discovery;
