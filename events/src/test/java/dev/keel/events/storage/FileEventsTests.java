package dev.keel.events.storage;

import java.util.List;

import dev.keel.events.EventFixtures;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class FileEventsTests {

	@Test
	void fileEventsAreKeyedByBucketSlashObjectId() {
		List<FileEvent> events = List.of(EventFixtures.aPhotoUploaded(), EventFixtures.aPhotoDeleted());

		assertThat(events).extracting(FileEvent::aggregateId).containsOnly("photos/k3x9q2");
	}

	@Test
	void carryWhatASubscriberNeedsWithoutCallingStorageService() {
		JsonNode json = JsonMapper.builder().build().valueToTree(EventFixtures.aPhotoUploaded());

		assertThat(json.get("name").stringValue()).isEqualTo("Café au lait.png");
		assertThat(json.get("size").longValue()).isEqualTo(48213);
		assertThat(json.get("contentType").stringValue()).isEqualTo("image/png");
		assertThat(json.get("sha256").stringValue()).isEqualTo(EventFixtures.PHOTO_SHA256);
		assertThat(json.get("owner").stringValue()).isEqualTo(EventFixtures.USER_ID);
		assertThat(json.get("readRule").stringValue()).isEqualTo("owner");
	}

	@Test
	void aDeletionNamesWhoDeletedAFileOfWhichOwner() {
		FileDeleted deleted = FileDeleted.of("photos", "k3x9q2", "a.png", 3, "image/png", "ab", "u-1", "admin-1",
				"role:staff");

		assertThat(deleted.owner()).isEqualTo("u-1");
		assertThat(deleted.actor()).isEqualTo("admin-1");
		assertThat(deleted.readRule()).isEqualTo("role:staff");
		assertThat(deleted.type()).isEqualTo("keel.file.deleted");
	}

	@Test
	void refusesAFileEventWithoutBucketOrObjectId() {
		assertThatNullPointerException()
			.isThrownBy(() -> FileUploaded.of(null, "o-1", "a.png", 3, "image/png", "ab", "u-1", "u-1", "owner"))
			.withMessage("bucket");
		assertThatNullPointerException()
			.isThrownBy(() -> FileDeleted.of("photos", null, "a.png", 3, "image/png", "ab", "u-1", "u-1", "owner"))
			.withMessage("objectId");
	}

}
