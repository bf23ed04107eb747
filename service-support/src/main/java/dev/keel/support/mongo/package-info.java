/**
 * MongoDB client defaults for Keel services: short timeouts, so that an unreachable
 * database turns into a quick 503 instead of a request hanging for the driver's 30 s
 * default.
 */
package dev.keel.support.mongo;
