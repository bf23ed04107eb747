package dev.keel.support.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WakeUpsTests {

	private final WakeUps wakeUps = new WakeUps(Duration.ofMinutes(1));

	@Test
	void theFirstRoundScansForEntriesLeftBeforeAStart() {
		this.wakeUps.wakeUp("orders", "o-1");
		assertThat(this.wakeUps.scanDue()).isTrue();
	}

	@Test
	void aRoundWokenByWritesClaimsTheirDocumentsWithoutAScan() {
		this.wakeUps.scanDue();
		this.wakeUps.wakeUp("orders", "o-1");
		this.wakeUps.wakeUp("orders", "o-2");
		this.wakeUps.wakeUp("orders", "o-1");
		this.wakeUps.wakeUp("invoices", "i-1");

		assertThat(this.wakeUps.scanDue()).isFalse();
		assertThat(this.wakeUps.take(10))
			.isEqualTo(Map.of("orders", List.of("o-1", "o-2"), "invoices", List.of("i-1")));
		assertThat(this.wakeUps.hasHints()).isFalse();
	}

	@Test
	void aQuietRoundScans() {
		this.wakeUps.scanDue();
		assertThat(this.wakeUps.scanDue()).isTrue();
	}

	@Test
	void aWakeUpWithoutADocumentScansEvenAmongWrites() {
		this.wakeUps.scanDue();
		this.wakeUps.wakeUp("orders", "o-1");
		this.wakeUps.wakeUp();
		assertThat(this.wakeUps.scanDue()).isTrue();
		assertThat(this.wakeUps.take(10)).containsKey("orders");
	}

	@Test
	void writesBeyondTheQueuesCapacityAreLeftToAScan() {
		this.wakeUps.scanDue();
		for (int i = 0; i <= WakeUps.HINT_CAPACITY; i++) {
			this.wakeUps.wakeUp("orders", "o-" + i);
		}
		assertThat(this.wakeUps.scanDue()).isTrue();
		assertThat(this.wakeUps.take(Integer.MAX_VALUE).get("orders")).hasSize(WakeUps.HINT_CAPACITY);
	}

	@Test
	void takesNoMoreThanAskedOldestFirst() {
		this.wakeUps.wakeUp("orders", "o-1");
		this.wakeUps.wakeUp("orders", "o-2");
		this.wakeUps.wakeUp("orders", "o-3");
		assertThat(this.wakeUps.take(2)).isEqualTo(Map.of("orders", List.of("o-1", "o-2")));
		assertThat(this.wakeUps.take(2)).isEqualTo(Map.of("orders", List.of("o-3")));
	}

}
