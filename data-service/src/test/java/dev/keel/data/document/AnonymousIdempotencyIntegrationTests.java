package dev.keel.data.document;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.keel.data.DataServiceTest;
import dev.keel.testing.ServiceHttp.Reply;

import static dev.keel.data.DataFixtures.aCollectionName;
import static dev.keel.data.DataFixtures.aTask;
import static dev.keel.data.DataFixtures.aTaskCollection;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Callers without a token cannot be told apart: an Idempotency-Key of theirs replays only
 * an identical request, and never blocks or answers another client's request.
 */
class AnonymousIdempotencyIntegrationTests extends DataServiceTest {

	private static final Map<String, String> KEY = Map.of("Idempotency-Key", "guestbook-1");

	String documents;

	@BeforeEach
	void defineGuestbook() {
		String name = aCollectionName("guestbook");
		put("/api/data/collections/" + name, admin(), aTaskCollection("public", "public", "owner", "owner"));
		this.documents = "/api/data/collections/" + name + "/documents";
	}

	@Test
	void identicalAnonymousRequestIsReplayed() {
		Reply first = call("POST", this.documents, null, aTask("hello"), KEY);
		Reply again = call("POST", this.documents, null, aTask("hello"), KEY);

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
		assertThat(again.json()).isEqualTo(first.json());
	}

	@Test
	void anotherAnonymousClientsRequestWithTheSameKeyCreatesItsOwnDocument() {
		Reply first = call("POST", this.documents, null, aTask("from client one"), KEY);
		Reply other = call("POST", this.documents, null, aTask("from client two"), KEY);

		assertThat(other.status()).isEqualTo(201);
		assertThat(other.header("Idempotent-Replayed")).isNull();
		assertThat(other.json().path("_id")).isNotEqualTo(first.json().path("_id"));
		assertThat(other.json().path("title").asString()).isEqualTo("from client two");
	}

	@Test
	void anonymousKeysAreNotSharedWithCallersWhoHaveAToken() {
		Reply anonymous = call("POST", this.documents, null, aTask("hello"), KEY);
		Reply alice = call("POST", this.documents, tokens.token("alice"), aTask("hello"), KEY);

		assertThat(alice.header("Idempotent-Replayed")).isNull();
		assertThat(alice.json().path("_id")).isNotEqualTo(anonymous.json().path("_id"));
		assertThat(alice.json().path("_owner").asString()).isEqualTo("alice");
	}

}
