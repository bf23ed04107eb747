package dev.keel.notification.webhook;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.notification.webhook.DeliveryStore.Position;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;
import dev.keel.support.web.Problems;

/**
 * Webhooks and their deliveries under {@code /api/notifications/webhooks}: admins only.
 * The one place the webhook features' outcomes become statuses and codes.
 */
@RestController
@RequestMapping("/api/notifications/webhooks")
@PreAuthorize("hasRole('admin')")
class WebhookController {

	private final Webhooks webhooks;

	WebhookController(Webhooks webhooks) {
		this.webhooks = webhooks;
	}

	@PostMapping
	ResponseEntity<WebhookView.Created> create(@RequestBody WebhookRequest request) {
		return switch (this.webhooks.create(request)) {
			case Registration.Registered registered ->
				ResponseEntity.created(URI.create("/api/notifications/webhooks/" + registered.webhook().id()))
					.body(registered.webhook());
			case Registration.Invalid invalid -> throw invalid(invalid);
		};
	}

	@GetMapping
	WebhookView.Page list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		int size = Paging.limit(limit);
		String after = Paging.position(cursor);
		if (after != null && !Webhooks.isWebhookId(after)) {
			throw Paging.invalidCursor();
		}
		return this.webhooks.list(after, size);
	}

	@GetMapping("/{id}")
	WebhookView get(@PathVariable String id) {
		return this.webhooks.get(id).orElseThrow(() -> webhookNotFound(id));
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		if (!this.webhooks.delete(id)) {
			throw webhookNotFound(id);
		}
	}

	@GetMapping("/{id}/deliveries")
	DeliveryView.Page deliveries(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		if (this.webhooks.get(id).isEmpty()) {
			throw webhookNotFound(id);
		}
		int size = Paging.limit(limit);
		Position after = position(cursor);
		return this.webhooks.deliveries(id, status(status), after, size);
	}

	@PostMapping("/{id}/deliveries/{deliveryId}/retry")
	ResponseEntity<Void> retry(@PathVariable String id, @PathVariable String deliveryId) {
		return switch (this.webhooks.retry(id, deliveryId)) {
			case RetryOutcome.Requeued requeued -> ResponseEntity.accepted().build();
			case RetryOutcome.AlreadySucceeded succeeded -> throw new KeelProblemException(HttpStatus.CONFLICT,
					"delivery_not_retryable", "Delivery '" + deliveryId + "' succeeded already.");
			case RetryOutcome.InProgress inProgress ->
				throw new KeelProblemException(HttpStatus.CONFLICT, "delivery_in_progress",
						"An attempt at delivery '" + deliveryId + "' is under way; retry after it has finished.");
			case RetryOutcome.WebhookNotFound missing -> throw webhookNotFound(id);
			case RetryOutcome.DeliveryNotFound missing -> throw KeelProblemException.notFound("delivery_not_found",
					"Webhook '" + id + "' has no delivery '" + deliveryId + "'.");
		};
	}

	private static KeelProblemException invalid(Registration.Invalid invalid) {
		KeelProblemException problem = new KeelProblemException(HttpStatus.BAD_REQUEST, "validation_failed",
				"The webhook has invalid fields.");
		problem.getBody().setProperty(Problems.ERRORS, invalid.errors());
		return problem;
	}

	private static Position position(String cursor) {
		String text = Paging.position(cursor);
		return (text != null) ? DeliveryCursors.position(text).orElseThrow(Paging::invalidCursor) : null;
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
