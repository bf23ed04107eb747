package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookMatchingTests {

	@Test
	void aTypeMatchesItselfItsFamilyAndEverything() {
		assertThat(EventPatterns.matches("keel.document.created", "keel.document.created")).isTrue();
		assertThat(EventPatterns.matches("keel.document.created", "keel.document.updated")).isFalse();
		assertThat(EventPatterns.matches("keel.document.*", "keel.document.deleted")).isTrue();
		assertThat(EventPatterns.matches("keel.document.*", "keel.collection.defined")).isFalse();
		assertThat(EventPatterns.matches("keel.user.*", "keel.user.registered")).isTrue();
		assertThat(EventPatterns.matches("*", "keel.collection.deleted")).isTrue();
	}

	@Test
	void collectionsNarrowDocumentAndCollectionEventsOnly() {
		Webhook webhook = webhook(List.of("*"), List.of("tasks"));

		assertThat(webhook.accepts("keel.document.created", "tasks")).isTrue();
		assertThat(webhook.accepts("keel.document.created", "notes")).isFalse();
		assertThat(webhook.accepts("keel.collection.defined", "notes")).isFalse();
		assertThat(webhook.accepts("keel.user.registered", null)).isTrue();
	}

	@Test
	void withoutCollectionsEveryCollectionMatches() {
		Webhook webhook = webhook(List.of("keel.document.created"), List.of());

		assertThat(webhook.accepts("keel.document.created", "anything")).isTrue();
		assertThat(webhook.accepts("keel.document.deleted", "anything")).isFalse();
		assertThat(webhook.accepts("keel.user.registered", null)).isFalse();
	}

	@Test
	void theDeliveryIdDependsOnWebhookAndEventOnly() {
		String id = Delivery.idOf("wh_1", "event-1");

		assertThat(id).startsWith("msg_").hasSize(28).isEqualTo(Delivery.idOf("wh_1", "event-1"));
		assertThat(id).isNotEqualTo(Delivery.idOf("wh_2", "event-1")).isNotEqualTo(Delivery.idOf("wh_1", "event-2"));
	}

	private static Webhook webhook(List<String> events, List<String> collections) {
		return new Webhook("wh_1", "https://hooks.example.com/", events, collections, null, "whsec_AAAA",
				Instant.now());
	}

}
