/**
 * Load balancing that stops sending requests to an instance the moment a connection to it
 * fails, instead of when discovery forgets it seconds later: passive outlier ejection.
 */
package dev.keel.gateway.balancing;
