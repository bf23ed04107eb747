package dev.keel.events.auth;

import java.time.Instant;
import java.util.List;

import dev.keel.events.EventFixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

class UserEventsTests {

	@Test
	void userEventsAreKeyedByUserId() {
		List<UserEvent> events = List.of(EventFixtures.userRegistered(), EventFixtures.emailVerificationRequested(),
				EventFixtures.emailVerified(), EventFixtures.passwordResetRequested(), EventFixtures.passwordChanged(),
				EventFixtures.userDisabled(), EventFixtures.userRolesChanged(), EventFixtures.userEnabled());

		assertThat(events).extracting(UserEvent::aggregateId).containsOnly(EventFixtures.USER_ID);
	}

	@Test
	void verificationRequestCarriesWhatTheEmailNeeds() {
		Instant expiresAt = Instant.parse("2026-11-24T00:00:00Z");

		EmailVerificationRequested event = EmailVerificationRequested.of("u-1", "ada@example.com", "Ada", "tok",
				expiresAt);

		assertThat(event.userId()).isEqualTo("u-1");
		assertThat(event.email()).isEqualTo("ada@example.com");
		assertThat(event.displayName()).isEqualTo("Ada");
		assertThat(event.token()).isEqualTo("tok");
		assertThat(event.expiresAt()).isEqualTo(expiresAt);
		assertThat(event.type()).isEqualTo("keel.user.email-verification-requested");
	}

	@Test
	void tokensStayOutOfToString() {
		assertThat(EventFixtures.emailVerificationRequested().toString()).doesNotContain(EventFixtures.TOKEN)
			.contains(EventFixtures.USER_ID, "token=<hidden>");
		assertThat(EventFixtures.passwordResetRequested().toString()).doesNotContain(EventFixtures.TOKEN)
			.contains(EventFixtures.USER_ID, "token=<hidden>");
		assertThat(EventFixtures.otpRequested().toString()).doesNotContain(EventFixtures.TOKEN, "042917")
			.contains(EventFixtures.USER_ID, "code=<hidden>", "token=<hidden>");
	}

	@Test
	void eventsWithTheSameTokenAreStillEqual() {
		assertThat(EventFixtures.passwordResetRequested()).isEqualTo(EventFixtures.passwordResetRequested())
			.hasSameHashCodeAs(EventFixtures.passwordResetRequested());
	}

	@Test
	void refusesAnEventWithoutUser() {
		assertThatNullPointerException().isThrownBy(() -> UserRegistered.of(null, "ada@example.com", "Ada"))
			.withMessage("userId");
	}

	@Test
	void identityLinkedNamesTheProviderAndTheUser() {
		IdentityLinked linked = IdentityLinked.of("u-1", null, "google");

		assertThat(linked.type()).isEqualTo("keel.user.identity-linked");
		assertThat(linked.aggregateId()).isEqualTo("u-1");
		assertThat(linked.provider()).isEqualTo("google");
		assertThat(linked.linkedAt()).isEqualTo(linked.occurredAt());
	}

	@Test
	void aRegistrationThroughAProviderSaysWhichOne() {
		UserRegistered registered = UserRegistered.viaProvider("u-3", null, null, "acme");

		assertThat(registered.method()).isEqualTo("provider");
		assertThat(registered.provider()).isEqualTo("acme");
		assertThat(UserRegistered.of("u-4", "ada@example.com", "Ada").provider()).isNull();
	}

}
