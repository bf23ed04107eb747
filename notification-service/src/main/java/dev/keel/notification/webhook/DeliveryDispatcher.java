package dev.keel.notification.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.keel.support.work.PollingLoop;

/**
 * The delivery worker every instance runs: on a virtual thread of its own it claims due
 * deliveries and sends each on a virtual thread of its own, at most {@code max-in-flight}
 * at once and {@code max-in-flight-per-webhook} per webhook, so one slow receiver does
 * not hold up the others. It looks for due deliveries at once when a new one arrives or a
 * slot frees up, and otherwise every {@code poll-interval}.
 */
@Component
class DeliveryDispatcher extends PollingLoop {

	private static final Logger log = LoggerFactory.getLogger(DeliveryDispatcher.class);

	private final DeliveryStore deliveries;

	private final Deliverer deliverer;

	private final WebhookProperties properties;

	private final Semaphore slots;

	private final Map<String, Integer> inFlight = new ConcurrentHashMap<>();

	DeliveryDispatcher(DeliveryStore deliveries, Deliverer deliverer, WebhookProperties properties) {
		super("keel-webhook-dispatcher", properties.pollInterval());
		this.deliveries = deliveries;
		this.deliverer = deliverer;
		this.properties = properties;
		this.slots = new Semaphore(properties.maxInFlight());
	}

	/** Stops claiming, and waits a while for the attempts under way to finish. */
	@Override
	public void stop() {
		super.stop();
		int all = this.properties.maxInFlight();
		try {
			if (this.slots.tryAcquire(all, this.properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
				this.slots.release(all);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Claims due deliveries while there are free slots, and starts an attempt for each.
	 */
	@Override
	protected void round() {
		while (isRunning() && this.slots.tryAcquire()) {
			Delivery delivery;
			try {
				delivery = this.deliveries.claimNext(Instant.now(), this.properties.lease(), busyWebhooks());
			}
			catch (RuntimeException ex) {
				this.slots.release();
				throw ex;
			}
			if (delivery == null) {
				this.slots.release();
				return;
			}
			this.inFlight.merge(delivery.webhookId(), 1, Integer::sum);
			Thread.ofVirtual().name("keel-webhook-" + delivery.id()).start(() -> attempt(delivery));
		}
	}

	private void attempt(Delivery delivery) {
		try {
			this.deliverer.deliver(delivery);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (RuntimeException ex) {
			log.warn("Delivery {} could not be completed; it is tried again when its lease runs out", delivery.id(),
					ex);
		}
		finally {
			this.inFlight.computeIfPresent(delivery.webhookId(), (id, count) -> (count > 1) ? count - 1 : null);
			this.slots.release();
			wakeUp();
		}
	}

	private List<String> busyWebhooks() {
		int limit = this.properties.maxInFlightPerWebhook();
		return this.inFlight.entrySet().stream().filter((e) -> e.getValue() >= limit).map(Map.Entry::getKey).toList();
	}

}
