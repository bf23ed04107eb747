/**
 * storage-service's settings, its problem handling and the choice of blob backend.
 */
package dev.keel.storage.config;
