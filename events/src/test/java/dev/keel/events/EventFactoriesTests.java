package dev.keel.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import dev.keel.events.audit.AuditRecorded;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.OtpRequested;
import dev.keel.events.auth.PasswordChanged;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.events.auth.UserDisabled;
import dev.keel.events.auth.UserEnabled;
import dev.keel.events.auth.UserRolesChanged;
import dev.keel.events.auth.UserUpgraded;
import dev.keel.events.auth.IdentityLinked;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.data.CollectionDefined;
import dev.keel.events.data.CollectionDeleted;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.events.storage.FileDeleted;
import dev.keel.events.storage.FileUploaded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class EventFactoriesTests {

	static Stream<Supplier<IntegrationEvent>> factories() {
		Instant expiry = Instant.now().plusSeconds(3600);
		return Stream.of(() -> UserRegistered.of("u-1", "ada@example.com", "Ada"),
				() -> EmailVerificationRequested.of("u-1", "ada@example.com", "Ada", "t", expiry),
				() -> EmailVerified.of("u-1", "ada@example.com"),
				() -> PasswordResetRequested.of("u-1", "ada@example.com", "Ada", "t", expiry),
				() -> PasswordChanged.of("u-1", "ada@example.com", "Ada"),
				() -> UserDisabled.of("u-1", "ada@example.com"),
				() -> UserRolesChanged.of("u-1", "ada@example.com", List.of("user")),
				() -> UserEnabled.of("u-1", "ada@example.com"), () -> UserUpgraded.of("u-2", "ada@example.com", "Ada"),
				() -> IdentityLinked.of("u-1", null, "google"),
				() -> AuditRecorded
					.of("a-1", "u-1", "u-2", "roles_changed", "success", null, "203.0.113.7", "curl/8", "r-1"),
				() -> OtpRequested.of("u-1", "ada@example.com", "Ada", "042917", "t", expiry),
				() -> DocumentCreated.of("tasks", "abc", "u-1", "u-1", 1, "owner", List.of("title"),
						Map.of("title", "x"), false),
				() -> DocumentUpdated.of("tasks", "abc", "u-1", "u-2", 2, "owner", List.of("title"),
						Map.of("title", "y"), false),
				() -> DocumentDeleted.of("tasks", "abc", "u-1", "u-2", 2, "owner"),
				() -> CollectionDefined.of("tasks", Map.of("read", "public"), true),
				() -> CollectionDeleted.of("tasks"),
				() -> FileUploaded.of("photos", "o-1", "cat.png", 1024, "image/png", "ab12", "u-1", "u-1", "owner"),
				() -> FileDeleted.of("photos", "o-1", "cat.png", 1024, "image/png", "ab12", "u-1", "u-2", "owner"));
	}

	@ParameterizedTest
	@MethodSource("factories")
	void generatesADistinctUuidPerEvent(Supplier<IntegrationEvent> factory) {
		IntegrationEvent first = factory.get();
		IntegrationEvent second = factory.get();

		assertThat(first.eventId()).isNotEqualTo(second.eventId());
		assertThat(UUID.fromString(first.eventId())).hasToString(first.eventId());
	}

	@ParameterizedTest
	@MethodSource("factories")
	void stampsTheCurrentTimeInMilliseconds(Supplier<IntegrationEvent> factory) {
		Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		Instant occurredAt = factory.get().occurredAt();
		Instant after = Instant.now();

		assertThat(occurredAt).isBetween(before, after);
		assertThat(occurredAt.getNano() % 1_000_000).isZero();
	}

	@Test
	void coversEveryRegisteredType() {
		assertThat(factories().map(Supplier::get)).extracting(IntegrationEvent::type)
			.containsExactlyInAnyOrderElementsOf(EventTypes.all().keySet());
	}

}
