package dev.keel.events.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.keel.events.EventFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class DataEventsTests {

	@Test
	void documentEventsAreKeyedByCollectionSlashDocumentId() {
		List<DocumentEvent> events = List.of(EventFixtures.aTaskCreated(), EventFixtures.aTaskUpdated(),
				EventFixtures.aTaskDeleted());

		assertThat(events).extracting(DocumentEvent::aggregateId).containsOnly("tasks/abc");
	}

	@Test
	void collectionEventsAreKeyedByCollectionName() {
		List<CollectionEvent> events = List.of(EventFixtures.tasksDefined(), EventFixtures.tasksDeleted());

		assertThat(events).extracting(CollectionEvent::aggregateId).containsOnly("tasks");
	}

	@Test
	void laterChangesToTheCallersListAndMapDoNotReachTheEvent() {
		List<String> changedFields = new ArrayList<>(List.of("title"));
		Map<String, Object> document = new HashMap<>(Map.of("title", "Draft"));
		Map<String, String> access = new HashMap<>(Map.of("read", "owner"));

		DocumentCreated created = DocumentCreated.of("tasks", "abc", "u-1", "u-1", 1, "owner", changedFields, document,
				false);
		CollectionDefined defined = CollectionDefined.of("tasks", access, true);
		changedFields.add("done");
		document.put("title", "Final");
		access.put("read", "public");

		assertThat(created.changedFields()).containsExactly("title");
		assertThat(created.document()).containsExactly(Map.entry("title", "Draft"));
		assertThat(defined.access()).containsExactly(Map.entry("read", "owner"));
	}

	@Test
	void listsAndMapsCannotBeChangedThroughTheEvent() {
		DocumentUpdated updated = EventFixtures.aTaskUpdated();

		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> updated.changedFields().add("x"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> updated.document().put("x", 1));
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> EventFixtures.tasksDefined().access().clear());
	}

	@Test
	void documentKeepsItsNullFieldsAndFieldOrder() {
		DocumentCreated created = EventFixtures.aTaskCreated();

		assertThat(created.document()).containsEntry("dueDate", null);
		assertThat(created.document().keySet()).containsExactlyElementsOf(EventFixtures.aTask().keySet());
	}

	@Test
	void documentMayBeLeftOutWhenTruncated() {
		DocumentUpdated updated = EventFixtures.aTooLargeTaskUpdated();

		assertThat(updated.document()).isNull();
		assertThat(updated.documentTruncated()).isTrue();
	}

	@Test
	void missingListsAndMapsReadAsEmpty() {
		DocumentUpdated updated = DocumentUpdated.of("tasks", "abc", "u-1", "u-1", 2, "owner", null, null, true);
		CollectionDefined defined = CollectionDefined.of("tasks", null, false);

		assertThat(updated.changedFields()).isEmpty();
		assertThat(defined.access()).isEmpty();
	}

	@Test
	void refusesADocumentEventWithoutDocumentId() {
		assertThatNullPointerException().isThrownBy(() -> DocumentDeleted.of("tasks", null, "u-1", "u-1", 1, "owner"))
			.withMessage("documentId");
	}

}
