/**
 * {@code keel bench gateway}: what the gateway costs on one small authenticated GET. It
 * drives wrk, in a process of its own, against one service instance directly, nginx as a
 * plain reverse proxy to the same instance, a second gateway that it starts with token
 * validation switched off, and the platform's gateway: first at peak, then at a fixed
 * rate of half the gateway's peak, and prints the ratios from the same run. See
 * {@code docs/performance.md}.
 */
package dev.keel.bench.gateway;
