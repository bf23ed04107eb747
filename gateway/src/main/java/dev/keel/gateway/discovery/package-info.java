/**
 * How the gateway reaches discovery: its Eureka client sends discovery's credentials, as
 * service-support's {@code KeelDiscoveryAutoConfiguration} makes every service's do (the
 * gateway is reactive and does not use service-support).
 */
package dev.keel.gateway.discovery;
