package dev.keel.notification.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.bson.types.ObjectId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import dev.keel.notification.webhook.DeliveryStore.Position;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;
import dev.keel.support.web.Problems;
import dev.keel.support.web.Problems.FieldProblem;

/** Registering webhooks and looking after their deliveries. */
@Service
class Webhooks {

	private final WebhookStore webhooks;

	private final DeliveryStore deliveries;

	private final DeliveryDispatcher dispatcher;

	private final WebhookValidation validation;

	private final SecureRandom random = new SecureRandom();

	Webhooks(WebhookStore webhooks, DeliveryStore deliveries, DeliveryDispatcher dispatcher,
			WebhookProperties properties) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.dispatcher = dispatcher;
		this.validation = new WebhookValidation(TargetGuard.of(properties.allowPrivateTargets()));
	}

	WebhookView.Created create(WebhookRequest request) {
		List<FieldProblem> problems = this.validation.check(request);
		if (!problems.isEmpty()) {
			KeelProblemException invalid = new KeelProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
					"The webhook has invalid fields.");
			invalid.getBody().setProperty(Problems.ERRORS, problems);
			throw invalid;
		}
		List<String> collections = (request.collections() != null) ? request.collections() : List.of();
		Webhook webhook = new Webhook("wh_" + new ObjectId().toHexString(), request.url(),
				request.events().stream().distinct().toList(), collections.stream().distinct().toList(),
				request.description(), WebhookSigner.newSecret(this.random),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.webhooks.insert(webhook);
		return WebhookView.Created.of(webhook);
	}

	WebhookView.Page list(String limit, String cursor) {
		int size = Paging.limit(limit);
		String after = Paging.position(cursor);
		if (after != null && !after.startsWith("wh_")) {
			throw Paging.invalidCursor();
		}
		List<Webhook> page = this.webhooks.page(after, size + 1);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).id()) : null;
		return new WebhookView.Page(page.stream().limit(size).map(WebhookView::of).toList(), next);
	}

	WebhookView get(String id) {
		return WebhookView.of(require(id));
	}

	/** Removes a webhook; its waiting deliveries are given up. */
	void delete(String id) {
		if (!this.webhooks.delete(id)) {
			throw webhookNotFound(id);
		}
		this.deliveries.abandonAll(id, Deliverer.WEBHOOK_DELETED, Instant.now());
	}

	DeliveryView.Page deliveries(String webhookId, String status, String limit, String cursor) {
		require(webhookId);
		int size = Paging.limit(limit);
		Position after = DeliveryCursors.position(Paging.position(cursor));
		List<Delivery> page = this.deliveries.newest(webhookId, status(status), after, size + 1);
		String next = (page.size() > size) ? DeliveryCursors.cursor(page.get(size - 1)) : null;
		return new DeliveryView.Page(page.stream().limit(size).map(DeliveryView::of).toList(), next);
	}

	RetryOutcome retry(String webhookId, String deliveryId) {
		require(webhookId);
		Delivery delivery = this.deliveries.find(webhookId, deliveryId);
		if (delivery == null) {
			throw KeelProblemException.notFound("delivery_not_found",
					"Webhook '" + webhookId + "' has no delivery '" + deliveryId + "'.");
		}
		if (delivery.status() == DeliveryStatus.SUCCEEDED) {
			return new RetryOutcome.AlreadySucceeded();
		}
		if (!this.deliveries.requeue(delivery, Instant.now())) {
			return new RetryOutcome.InProgress();
		}
		this.dispatcher.wakeUp();
		return new RetryOutcome.Requeued();
	}

	private Webhook require(String id) {
		Webhook webhook = this.webhooks.find(id);
		if (webhook == null) {
			throw webhookNotFound(id);
		}
		return webhook;
	}

	private static DeliveryStatus status(String status) {
		if (status == null || status.isEmpty()) {
			return null;
		}
		return DeliveryStatus.of(status)
			.orElseThrow(() -> new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_parameter",
					"status must be one of pending, succeeded, failed, dead."));
	}

	private static KeelProblemException webhookNotFound(String id) {
		return KeelProblemException.notFound("webhook_not_found", "There is no webhook '" + id + "'.");
	}

}
