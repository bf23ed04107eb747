/**
 * Settings of the gateway that are Keel's own, bound from {@code keel.gateway.*}.
 * Routing, resilience and discovery settings are Spring Cloud's and live in
 * {@code application.yml}.
 */
package dev.keel.gateway.config;
