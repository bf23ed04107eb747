package dev.keel.auth.user;

import java.time.Duration;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;

import dev.keel.auth.user.OneTimeTokens.Issued;
import dev.keel.auth.user.OneTimeTokens.Purpose;
import dev.keel.testing.EmbeddedInfrastructure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verification and reset tokens on the real MongoDB-wire store: single use, expiring, per
 * purpose.
 */
@ExtendWith(EmbeddedInfrastructure.class)
class OneTimeTokensIntegrationTests {

	private MongoClient client;

	private MongoTemplate mongo;

	private OneTimeTokens tokens;

	@BeforeEach
	void openDatabase() {
		this.client = MongoClients.create(EmbeddedInfrastructure.mongoUri());
		this.mongo = new MongoTemplate(this.client, "keel_auth_tokens_" + UUID.randomUUID().toString().substring(0, 8));
		this.tokens = new OneTimeTokens(this.mongo);
		this.tokens.afterPropertiesSet();
	}

	@AfterEach
	void dropDatabase() {
		this.mongo.getDb().drop();
		this.client.close();
	}

	@Test
	void aTokenWorksOnceForItsUser() {
		Issued link = this.tokens.issue("user-1", Purpose.VERIFY_EMAIL, Duration.ofHours(24));
		assertThat(this.tokens.redeem(link.token(), Purpose.VERIFY_EMAIL)).hasValue("user-1");
		assertThat(this.tokens.redeem(link.token(), Purpose.VERIFY_EMAIL)).isEmpty();
	}

	@Test
	void checkingATokenDoesNotUseItUp() {
		Issued link = this.tokens.issue("user-1", Purpose.RESET_PASSWORD, Duration.ofHours(1));
		assertThat(this.tokens.usable(link.token(), Purpose.RESET_PASSWORD)).isTrue();
		assertThat(this.tokens.usable(link.token(), Purpose.VERIFY_EMAIL)).isFalse();
		assertThat(this.tokens.redeem(link.token(), Purpose.RESET_PASSWORD)).hasValue("user-1");
		assertThat(this.tokens.usable(link.token(), Purpose.RESET_PASSWORD)).isFalse();
	}

	@Test
	void anExpiredTokenNoLongerWorks() {
		Issued link = this.tokens.issue("user-1", Purpose.RESET_PASSWORD, Duration.ofMillis(-1));
		assertThat(this.tokens.redeem(link.token(), Purpose.RESET_PASSWORD)).isEmpty();
	}

	@Test
	void aTokenWorksOnlyForItsPurpose() {
		Issued link = this.tokens.issue("user-1", Purpose.VERIFY_EMAIL, Duration.ofHours(1));
		assertThat(this.tokens.redeem(link.token(), Purpose.RESET_PASSWORD)).isEmpty();
		assertThat(this.tokens.redeem(link.token(), Purpose.VERIFY_EMAIL)).hasValue("user-1");
	}

	@Test
	void onlyAHashIsStored() {
		Issued link = this.tokens.issue("user-1", Purpose.VERIFY_EMAIL, Duration.ofHours(1));
		assertThat(this.mongo.getCollection("one_time_tokens").find().first().toJson()).doesNotContain(link.token());
	}

	@Test
	void garbageIsRefused() {
		assertThat(this.tokens.redeem(null, Purpose.VERIFY_EMAIL)).isEmpty();
		assertThat(this.tokens.redeem("", Purpose.VERIFY_EMAIL)).isEmpty();
		assertThat(this.tokens.redeem("x".repeat(10_000), Purpose.VERIFY_EMAIL)).isEmpty();
	}

}
