/**
 * Email: the security emails auth-service's events ask for (verification, password reset,
 * password changed, sign-in codes), rendered from text and HTML templates, queued in
 * MongoDB by event id and sent by SMTP with retries.
 */
package dev.keel.notification.email;
