package dev.keel.auth.token;

import java.time.Duration;

/**
 * The timing rules of refresh-token rotation.
 *
 * @param graceWindow how long after a rotation the rotated-out token may be presented
 * again
 * @param idleLifetime when not {@code null}, a family unused for this long is refused
 */
record RotationPolicy(Duration graceWindow, Duration idleLifetime) {

}
