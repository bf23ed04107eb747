package dev.keel.notification.webhook;

import java.util.List;

/**
 * The body of {@code POST /api/notifications/webhooks}, checked by
 * {@link WebhookValidation}.
 *
 * @param url the absolute http or https URL to POST deliveries to
 * @param events event types or patterns ({@code keel.document.*}, {@code *})
 * @param collections collection names that narrow document and collection events, or
 * {@code null} for all
 * @param description what the webhook is for, or {@code null}
 */
record WebhookRequest(String url, List<String> events, List<String> collections, String description) {
}
