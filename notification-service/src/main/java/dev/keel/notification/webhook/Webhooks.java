package dev.keel.notification.webhook;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Service;

import dev.keel.notification.webhook.DeliveryStore.Position;
import dev.keel.support.web.Paging;
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

	Registration create(WebhookRequest request) {
		List<FieldProblem> problems = this.validation.check(request);
		if (!problems.isEmpty()) {
			return new Registration.Invalid(problems);
		}
		List<String> collections = (request.collections() != null) ? request.collections() : List.of();
		Webhook webhook = new Webhook("wh_" + new ObjectId().toHexString(), request.url(),
				request.events().stream().distinct().toList(), collections.stream().distinct().toList(),
				request.description(), WebhookSigner.newSecret(this.random),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.webhooks.insert(webhook);
		return new Registration.Registered(WebhookView.Created.of(webhook));
	}

	/**
	 * One page of the webhooks, oldest first.
	 * @param after the id of the last webhook of the previous page, or {@code null}
	 * @param size the most webhooks to return
	 * @return the page
	 */
	WebhookView.Page list(String after, int size) {
		List<Webhook> page = this.webhooks.page(after, size + 1);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).id()) : null;
		return new WebhookView.Page(page.stream().limit(size).map(WebhookView::of).toList(), next);
	}

	/** Whether an id is one that webhooks are given. */
	static boolean isWebhookId(String id) {
		return id.startsWith("wh_");
	}

	Optional<WebhookView> get(String id) {
		return Optional.ofNullable(this.webhooks.find(id)).map(WebhookView::of);
	}

	/**
	 * Removes a webhook; its waiting deliveries are given up.
	 * @return whether there was such a webhook
	 */
	boolean delete(String id) {
		if (!this.webhooks.delete(id)) {
			return false;
		}
		this.deliveries.abandonAll(id, Deliverer.WEBHOOK_DELETED, Instant.now());
		return true;
	}

	/**
	 * One page of a webhook's deliveries, newest first.
	 * @param webhookId the webhook
	 * @param status the only status to list, or {@code null} for all
	 * @param after the position of the last delivery of the previous page, or
	 * {@code null}
	 * @param size the most deliveries to return
	 * @return the page (empty for a webhook that does not exist)
	 */
	DeliveryView.Page deliveries(String webhookId, DeliveryStatus status, Position after, int size) {
		List<Delivery> page = this.deliveries.newest(webhookId, status, after, size + 1);
		String next = (page.size() > size) ? DeliveryCursors.cursor(page.get(size - 1)) : null;
		return new DeliveryView.Page(page.stream().limit(size).map(DeliveryView::of).toList(), next);
	}

	RetryOutcome retry(String webhookId, String deliveryId) {
		if (this.webhooks.find(webhookId) == null) {
			return new RetryOutcome.WebhookNotFound();
		}
		Delivery delivery = this.deliveries.find(webhookId, deliveryId);
		if (delivery == null) {
			return new RetryOutcome.DeliveryNotFound();
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

}
