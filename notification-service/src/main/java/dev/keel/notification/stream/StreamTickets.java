package dev.keel.notification.stream;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;

import org.springframework.data.mongodb.core.CollectionCallback;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

import dev.keel.support.security.CurrentCaller;

/**
 * One-time stream tickets, in {@value #COLLECTION}: a browser's {@code EventSource}
 * cannot send an {@code Authorization} header, so it trades its token for a ticket it can
 * put in the URL. Only the SHA-256 of a ticket is stored, under {@code _id}; redeeming
 * deletes it, so it works once, and for {@link #LIFETIME} at most. A TTL index clears
 * tickets that were never used.
 */
@Repository
class StreamTickets {

	static final String COLLECTION = "stream_tickets";

	static final Duration LIFETIME = Duration.ofSeconds(60);

	private static final int BYTES = 32;

	private final SecureRandom random = new SecureRandom();

	private final MongoTemplate mongo;

	StreamTickets(MongoTemplate mongo) {
		this.mongo = mongo;
		tickets((collection) -> collection.createIndex(Indexes.ascending("expiresAt"),
				new IndexOptions().name("expired").expireAfter(0L, TimeUnit.SECONDS)));
	}

	/** A new ticket for the caller. */
	String issue(CurrentCaller caller) {
		byte[] bytes = new byte[BYTES];
		this.random.nextBytes(bytes);
		String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Document stored = new Document("_id", hash(ticket)).append("subject", caller.subject())
			.append("roles", new ArrayList<>(caller.roles()))
			.append("email", caller.email())
			.append("expiresAt", Date.from(Instant.now().plus(LIFETIME)));
		tickets((collection) -> collection.insertOne(stored));
		return ticket;
	}

	/**
	 * Takes the ticket: the caller it was issued to, or empty if unknown, used or
	 * expired.
	 */
	Optional<CurrentCaller> redeem(String ticket) {
		Document taken = tickets((collection) -> collection.findOneAndDelete(Filters.eq("_id", hash(ticket))));
		if (taken == null || !taken.getDate("expiresAt").toInstant().isAfter(Instant.now())) {
			return Optional.empty();
		}
		List<String> roles = taken.getList("roles", String.class, List.of());
		return Optional.of(new CurrentCaller(taken.getString("subject"), Set.copyOf(roles), taken.getString("email")));
	}

	static String hash(String ticket) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(ticket.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Runs on the collection through the template, which turns driver errors into
	 * Spring's (an unreachable database is then a 503, not a 500).
	 */
	private <T> T tickets(CollectionCallback<T> action) {
		return this.mongo.execute(COLLECTION, action);
	}

}
