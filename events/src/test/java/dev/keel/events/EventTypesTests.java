package dev.keel.events;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.keel.events.audit.AuditEvent;
import dev.keel.events.auth.UserEvent;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.data.CollectionEvent;
import dev.keel.events.data.DocumentEvent;
import dev.keel.events.storage.FileEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventTypesTests {

	@Test
	void knowsExactlyTheTypesOfTheApiContract() {
		assertThat(EventTypes.all().keySet()).containsExactly("keel.user.registered",
				"keel.user.email-verification-requested", "keel.user.email-verified",
				"keel.user.password-reset-requested", "keel.user.password-changed", "keel.user.disabled",
				"keel.user.roles-changed", "keel.user.enabled", "keel.user.upgraded", "keel.user.otp-requested",
				"keel.user.identity-linked", "keel.audit.recorded", "keel.document.created", "keel.document.updated",
				"keel.document.deleted", "keel.collection.defined", "keel.collection.deleted", "keel.file.uploaded",
				"keel.file.deleted");
	}

	@Test
	void mapsEachTypeToTheRecordDeclaringIt() throws ReflectiveOperationException {
		for (Map.Entry<String, Class<? extends IntegrationEvent>> entry : EventTypes.all().entrySet()) {
			Class<? extends IntegrationEvent> eventClass = entry.getValue();
			assertThat(eventClass.isRecord()).as(eventClass.getName()).isTrue();
			assertThat(eventClass.getField("TYPE").get(null)).as(eventClass.getName()).isEqualTo(entry.getKey());
		}
	}

	@Test
	void registersEveryEventOfTheSealedHierarchies() {
		List<Class<?>> permitted = Stream
			.of(UserEvent.class, AuditEvent.class, DocumentEvent.class, CollectionEvent.class, FileEvent.class)
			.flatMap((sealed) -> Arrays.stream(sealed.getPermittedSubclasses()))
			.toList();

		assertThat(new ArrayList<Class<?>>(EventTypes.all().values())).containsExactlyInAnyOrderElementsOf(permitted);
	}

	@Test
	void findsTheClassForAKnownType() {
		assertThat(EventTypes.classFor("keel.user.registered")).contains(UserRegistered.class);
	}

	@Test
	void findsNothingForAnUnknownOrMissingType() {
		assertThat(EventTypes.classFor("keel.user.deleted")).isEmpty();
		assertThat(EventTypes.classFor("com.example.other")).isEmpty();
		assertThat(EventTypes.classFor(null)).isEmpty();
	}

	@Test
	void cannotBeChangedByCallers() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> EventTypes.all().remove(UserRegistered.TYPE));
		assertThat(EventTypes.classFor(UserRegistered.TYPE)).isPresent();
	}

}
