package dev.keel.notification.subscription;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;

/**
 * The caller's subscriptions under {@code /api/notifications/subscriptions}, and the one
 * place their outcomes become statuses and codes.
 */
@RestController
@RequestMapping("/api/notifications/subscriptions")
class SubscriptionController {

	private final Subscriptions subscriptions;

	SubscriptionController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@PostMapping
	ResponseEntity<SubscriptionView> subscribe(CurrentCaller caller, @Valid @RequestBody SubscriptionRequest request) {
		Subscription created = this.subscriptions.subscribe(caller, request)
			.orElseThrow(() -> new KeelProblemException(HttpStatus.CONFLICT, "too_many_subscriptions",
					"You have " + Subscriptions.MAX_PER_USER + " subscriptions already; remove one first."));
		return ResponseEntity.created(URI.create("/api/notifications/subscriptions/" + created.id()))
			.body(SubscriptionView.of(created));
	}

	@GetMapping
	SubscriptionView.Page list(CurrentCaller caller, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		int size = Paging.limit(limit);
		String after = Paging.position(cursor);
		if (after != null && !Subscriptions.isSubscriptionId(after)) {
			throw Paging.invalidCursor();
		}
		return this.subscriptions.list(caller, after, size);
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void unsubscribe(CurrentCaller caller, @PathVariable String id) {
		if (!this.subscriptions.unsubscribe(caller, id)) {
			throw KeelProblemException.notFound("subscription_not_found", "You have no subscription '" + id + "'.");
		}
	}

}
