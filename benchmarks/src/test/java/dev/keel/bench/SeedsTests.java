package dev.keel.bench;

import java.util.Collections;
import java.util.List;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SeedsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aQueryAnsweringLikeTheDriverPasses() {
		assertThatNoException()
			.isThrownBy(() -> Seeds.checkQuery(List.of(item("open", 3), item("open", 5)), rawPage(2)));
	}

	@Test
	void aDocumentOutsideTheFilterStopsTheBenchmark() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> Seeds.checkQuery(List.of(item("open", 3), item("closed", 5)), rawPage(2)))
			.withMessageContaining("status==open;priority=ge=3");
	}

	@Test
	void aShorterPageThanTheDriversStopsTheBenchmark() {
		assertThatExceptionOfType(BenchAbort.class)
			.isThrownBy(() -> Seeds.checkQuery(List.of(item("open", 4)), rawPage(20)))
			.withMessageContaining("1 against 20");
	}

	@Test
	void seededDocumentsMatchTheQueryOneTimeInFive() {
		long matching = java.util.stream.IntStream.range(0, 2000)
			.mapToObj(BenchItems::seeded)
			.filter((item) -> BenchItems.matchesFilter(item.status(), item.priority()))
			.count();
		org.assertj.core.api.Assertions.assertThat(matching).isBetween(395L, 405L);
	}

	private static JsonNode item(String status, int priority) {
		return json
			.readTree("{\"_id\":\"x\",\"title\":\"t\",\"status\":\"" + status + "\",\"priority\":" + priority + "}");
	}

	private static List<Document> rawPage(int size) {
		return Collections.nCopies(size, new Document());
	}

}
