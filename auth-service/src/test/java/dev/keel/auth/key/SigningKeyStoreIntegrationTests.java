package dev.keel.auth.key;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.nimbusds.jose.jwk.JWK;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.auth.config.TokenProperties;
import dev.keel.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several auth-service instances sharing one store, each with its own key objects, on the
 * real MongoDB-wire store.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class SigningKeyStoreIntegrationTests {

	private static final TokenProperties ONE_SECOND_TOKENS = new TokenProperties("http://localhost/api/auth",
			new TokenProperties.Tokens(Duration.ofSeconds(1), Duration.ofDays(30), null, Duration.ofSeconds(10),
					Duration.ZERO));

	private final MasterKey masterKey = MasterKey.generate();

	private MongoClient client;

	private MongoTemplate mongo;

	@BeforeEach
	void openDatabase() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongoUri());
		this.mongo = new MongoTemplate(this.client, "keel_auth_keys_" + UUID.randomUUID().toString().substring(0, 8));
	}

	@AfterEach
	void dropDatabase() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void concurrentFirstStartsCreateOneActiveKey() throws Exception {
		List<SigningKeys> instances = IntStream.range(0, 4).mapToObj((i) -> instance(Duration.ofDays(30))).toList();

		List<String> kids = concurrently(
				instances.stream().<Callable<String>>map((keys) -> () -> keys.active().kid()).toList());

		assertThat(kids).hasSize(4).containsOnly(kids.get(0));
		assertThat(this.mongo.getCollection(StoredSigningKey.COLLECTION).countDocuments()).isEqualTo(1);
	}

	@Test
	void concurrentRotationsFromOneGenerationCreateOneNewKey() throws Exception {
		SigningKeys first = instance(Duration.ofDays(30));
		SigningKeys second = instance(Duration.ofDays(30));
		String original = first.active().kid();

		List<String> kids = concurrently(List.of(() -> first.rotateFrom(1).id(), () -> second.rotateFrom(1).id()));

		assertThat(kids.get(0)).isEqualTo(kids.get(1)).isNotEqualTo(original);
		assertThat(this.mongo.getCollection(StoredSigningKey.COLLECTION).countDocuments()).isEqualTo(2);
		assertThat(second.active().kid()).isEqualTo(kids.get(0));
	}

	@Test
	void rotatesOnScheduleOnlyWhenTheActiveKeyIsDue() {
		instance(Duration.ofDays(30)).active();

		assertThat(instance(Duration.ofDays(30)).rotateIfDue()).isFalse();
		assertThat(instance(Duration.ZERO).rotateIfDue()).isTrue();
		assertThat(this.mongo.getCollection(StoredSigningKey.COLLECTION).countDocuments()).isEqualTo(2);
	}

	@Test
	void aRetiredKeyLeavesTheJwksOnceItsLastTokensHaveExpired() throws InterruptedException {
		SigningKeyStore store = store();
		PublishedKeys published = new PublishedKeys(store, properties(Duration.ofDays(30)), ONE_SECOND_TOKENS);
		SigningKeys keys = new SigningKeys(store, new KeyMaterial(this.masterKey), published,
				properties(Duration.ofDays(30)), ONE_SECOND_TOKENS);
		String retired = keys.active().kid();
		String active = keys.rotate().id();

		assertThat(published.jwkSet().getKeys()).extracting(JWK::getKeyID).containsExactly(active, retired);
		Thread.sleep(1100); // access-token lifetime 1 s, no clock skew, no cache
		assertThat(published.jwkSet().getKeys()).extracting(JWK::getKeyID).containsExactly(active);
	}

	private SigningKeys instance(Duration rotationInterval) {
		SigningKeyStore store = store();
		KeyProperties properties = properties(rotationInterval);
		return new SigningKeys(store, new KeyMaterial(this.masterKey),
				new PublishedKeys(store, properties, ONE_SECOND_TOKENS), properties, ONE_SECOND_TOKENS);
	}

	private SigningKeyStore store() {
		SigningKeyStore store = new SigningKeyStore(this.mongo);
		store.afterPropertiesSet();
		return store;
	}

	private static KeyProperties properties(Duration rotationInterval) {
		return new KeyProperties(null, Path.of("unused"), rotationInterval, Duration.ofHours(1), Duration.ZERO);
	}

	private static <T> List<T> concurrently(List<Callable<T>> tasks) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService executor = Executors.newFixedThreadPool(tasks.size())) {
			List<Future<T>> futures = tasks.stream().map((task) -> executor.submit(() -> {
				start.await();
				return task.call();
			})).toList();
			start.countDown();
			List<T> results = new java.util.ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
	}

}
