/**
 * data-service: Collections and JSON documents with schemas, access rules, queries and
 * change events.
 */
package dev.keel.data;
