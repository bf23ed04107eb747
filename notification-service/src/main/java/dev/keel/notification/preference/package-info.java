/**
 * Each user's notification preferences: email on or off for notifications, inbox items on
 * or off, and muted collections. Security emails (verification, password reset, password
 * changed) are not governed by preferences and cannot be muted.
 */
package dev.keel.notification.preference;
