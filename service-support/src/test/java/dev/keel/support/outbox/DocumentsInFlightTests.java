package dev.keel.support.outbox;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentsInFlightTests {

	private final DocumentsInFlight inFlight = new DocumentsInFlight();

	@Test
	void aDocumentIsDrainedByOneLoopAtATime() {
		assertThat(this.inFlight.hold("orders", List.of("o-1", "o-2"), false)).containsExactly("o-1", "o-2");
		assertThat(this.inFlight.hold("orders", List.of("o-2", "o-3"), true)).containsExactly("o-3");
		assertThat(this.inFlight.hold("invoices", List.of("o-1"), false)).containsExactly("o-1");
	}

	@Test
	void aWriteToADocumentTheScanHoldsIsHandedBackWhenTheScanReleasesIt() {
		this.inFlight.hold("orders", List.of("o-1", "o-2"), false);
		this.inFlight.hold("orders", List.of("o-1"), true);

		assertThat(this.inFlight.release("orders", List.of("o-1", "o-2"))).containsExactly("o-1");
		assertThat(this.inFlight.hold("orders", List.of("o-1"), true)).containsExactly("o-1");
	}

	@Test
	void aDocumentTheScanFindsBusyIsNotHandedBack() {
		this.inFlight.hold("orders", List.of("o-1"), true);
		this.inFlight.hold("orders", List.of("o-1"), false);

		assertThat(this.inFlight.release("orders", List.of("o-1"))).isEmpty();
	}

}
