package dev.keel.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.Api.Reply;
import dev.keel.system.KeelCli.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** auth-service's events survive a Kafka outage and arrive exactly once (API.md §3). */
@ExtendWith(RunningPlatform.class)
class AuthEventsSystemTests {

	@Test
	void aUserSignedUpWhileKafkaIsDownIsRegisteredExactlyOnceWhenItIsBack() throws Exception {
		Result stopped = RunningPlatform.keel.run("stop", "kafka");
		assertThat(stopped.exitCode()).as(stopped.output()).isZero();
		String email = Accounts.newEmail();
		Reply signup = Api.post("/api/auth/signup", null, Map.of("email", email, "password", Accounts.PASSWORD));
		assertThat(signup.status()).isEqualTo(201);
		String id = signup.field("id");

		Result started = RunningPlatform.keel.run("start", "kafka");
		assertThat(started.exitCode()).as(started.output()).isZero();
		AuthEvents.first("keel.user.registered", id);
		List<JsonNode> registered = AuthEvents
			.all((event) -> "keel.user.registered".equals(event.path("type").asString())
					&& id.equals(event.path("subject").asString()), Duration.ofSeconds(5));
		assertThat(registered).hasSize(1);
		assertThat(registered.getFirst().path("data").path("email").asString()).isEqualTo(email);
		assertThat(registered.getFirst().path("source").asString()).isEqualTo("/keel/auth-service");
	}

}
