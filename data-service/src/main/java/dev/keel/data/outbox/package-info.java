/**
 * data-service's side of the shared outbox (in service-support): which MongoDB
 * collections hold documents with pending events. Definitions carry the
 * {@code keel.collection.*} events, each collection's storage the {@code keel.document.*}
 * ones.
 */
package dev.keel.data.outbox;
