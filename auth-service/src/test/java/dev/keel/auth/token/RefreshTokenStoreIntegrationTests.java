package dev.keel.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/** The refresh-token store on the real MongoDB-wire store. */
@ExtendWith(EmbeddedInfrastructure.class)
class RefreshTokenStoreIntegrationTests {

	private static final SessionOrigin ORIGIN = new SessionOrigin("password", "curl/8.5.0", "203.0.113.7");

	private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofSeconds(10), null);

	private MongoClient client;

	private MongoTemplate mongo;

	private RefreshTokenStore store;

	@BeforeEach
	void openDatabase() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongoUri());
		this.mongo = new MongoTemplate(this.client,
				"keel_auth_refresh_" + UUID.randomUUID().toString().substring(0, 8));
		this.store = new RefreshTokenStore(this.mongo);
		this.store.afterPropertiesSet();
	}

	@AfterEach
	void dropDatabase() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void ofTwoRotationsFromTheSameStateOnlyOneIsStored() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		RefreshTokenFamily family = RefreshTokenFamily.start("sid-1", "user-1", "t1", now, Duration.ofDays(30), ORIGIN,
				List.of("pwd"));
		this.store.insert(family);
		this.store.insert(new IssuedRefreshToken("t1", "sid-1", family.expiresAt()));

		RefreshDecision.Rotated first = (RefreshDecision.Rotated) family.present("t1", "t2", now, POLICY);
		RefreshDecision.Rotated second = (RefreshDecision.Rotated) family.present("t1", "t2-other", now, POLICY);

		assertThat(this.store.update(first.next())).isTrue();
		assertThat(this.store.update(second.next())).isFalse();
		RefreshTokenFamily stored = this.store.familyOfToken("t1").orElseThrow();
		assertThat(stored.live()).containsExactly("t2");
		assertThat(stored.rotatedOut()).containsExactly("t1");
		assertThat(stored.version()).isEqualTo(1);
	}

	@Test
	void aRevokedFamilyCannotBeRotated() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		RefreshTokenFamily family = RefreshTokenFamily.start("sid-2", "user-1", "t1", now, Duration.ofDays(30), ORIGIN,
				List.of("pwd"));
		this.store.insert(family);

		assertThat(this.store.revoke("sid-2", now)).isTrue();
		RefreshDecision.Rotated rotated = (RefreshDecision.Rotated) family.present("t1", "t2", now, POLICY);

		assertThat(this.store.update(rotated.next())).isFalse();
	}

	@Test
	void createsTtlIndexesOnExpiresAt() {
		assertThat(this.mongo.indexOps(RefreshTokenStore.FAMILIES).getIndexInfo())
			.anySatisfy((index) -> assertThat(index.getName()).isEqualTo("expiresAt_ttl"));
	}

}
