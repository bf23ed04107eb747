package dev.keel.notification.account;

/**
 * An account was just disabled (its event was handled on this instance). Published
 * in-process after the account is stored as disabled, for whatever still delivers to the
 * user to stop: the live stream closes the user's streams on every instance.
 *
 * @param userId the disabled user
 */
public record AccountDisabled(String userId) {
}
