/**
 * Journeys across the whole platform, as a user meets it: started by the real
 * {@code keel} command from the built jars, on ports shifted by {@code KEEL_PORT_OFFSET}
 * and with its own state folder, so it runs beside a developer's platform.
 */
package dev.keel.system;
