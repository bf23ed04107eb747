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

import dev.keel.support.web.KeelProblemException;

/**
 * Webhooks and their deliveries under {@code /api/notifications/webhooks}: admins only.
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
		WebhookView.Created created = this.webhooks.create(request);
		return ResponseEntity.created(URI.create("/api/notifications/webhooks/" + created.id())).body(created);
	}

	@GetMapping
	WebhookView.Page list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		return this.webhooks.list(limit, cursor);
	}

	@GetMapping("/{id}")
	WebhookView get(@PathVariable String id) {
		return this.webhooks.get(id);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		this.webhooks.delete(id);
	}

	@GetMapping("/{id}/deliveries")
	DeliveryView.Page deliveries(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		return this.webhooks.deliveries(id, status, limit, cursor);
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
		};
	}

}
