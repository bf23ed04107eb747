package dev.keel.storage.object;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.unit.DataSize;

import dev.keel.storage.config.DeploymentProfile;
import dev.keel.storage.config.StorageProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SignedUrlsTests {

	private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

	private static final StoredObject OBJECT = new StoredObject("0123456789abcdef01234567", "bucketid", "photos",
			"a.png", 3, "image/png", "abc", "alice", "key-1", NOW, NOW);

	@Test
	void productionRefusesToStartWithTheDevelopmentSecret() {
		assertThatIllegalStateException()
			.isThrownBy(() -> new SignedUrls(properties(StorageProperties.DEVELOPMENT_SIGNING_SECRET),
					new DeploymentProfile("production")))
			.withMessageContaining("KEEL_STORAGE_SIGNING_SECRET")
			.withMessageContaining("KEEL_PROFILE=production");
		assertThatIllegalStateException()
			.isThrownBy(() -> new SignedUrls(properties("short-secret"), new DeploymentProfile("production")));
		assertThatCode(() -> new SignedUrls(properties(StorageProperties.DEVELOPMENT_SIGNING_SECRET),
				new DeploymentProfile("local")))
			.doesNotThrowAnyException();
		assertThatCode(() -> new SignedUrls(properties("x".repeat(32)), new DeploymentProfile("production")))
			.doesNotThrowAnyException();
	}

	@Test
	void theServiceDoesNotStartInProductionWithTheDevelopmentSecret() {
		ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class)
			.withBean(SignedUrls.class);
		String development = "keel.storage.signing-secret=" + StorageProperties.DEVELOPMENT_SIGNING_SECRET;

		runner.withPropertyValues("keel.profile=production", development).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("KEEL_STORAGE_SIGNING_SECRET is the published local-development secret");
		});
		runner.withPropertyValues("keel.profile=production", "keel.storage.signing-secret=" + "k".repeat(40))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(SignedUrls.class));
		runner.withPropertyValues(development).run((context) -> assertThat(context).hasNotFailed());
		runner.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void aSignatureCoversTheObjectsSigningKey() {
		SignedUrls urls = new SignedUrls(properties("s".repeat(40)), new DeploymentProfile("local"),
				Clock.fixed(NOW, ZoneOffset.UTC));
		String url = urls.sign(OBJECT, Duration.ofSeconds(60)).url();
		String expires = url.replaceAll(".*expires=(\\d+).*", "$1");
		String signature = url.replaceAll(".*signature=", "");

		assertThat(expires).isEqualTo(Long.toString(NOW.getEpochSecond() + 60));
		assertThatCode(() -> urls.verify(OBJECT, expires, signature)).doesNotThrowAnyException();
		StoredObject reuploaded = new StoredObject(OBJECT.id(), OBJECT.bucketId(), OBJECT.bucket(), OBJECT.name(),
				OBJECT.size(), OBJECT.contentType(), OBJECT.sha256(), OBJECT.owner(), "key-2", NOW, NOW);
		assertThatExceptionOfType(ObjectRejectedException.class)
			.isThrownBy(() -> urls.verify(reuploaded, expires, signature))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("signature_invalid"));
		assertThatExceptionOfType(ObjectRejectedException.class)
			.isThrownBy(() -> urls.verify(OBJECT, "not-a-number", signature));
	}

	@EnableConfigurationProperties({ StorageProperties.class, DeploymentProfile.class })
	static class Settings {

	}

	private static StorageProperties properties(String secret) {
		return new StorageProperties("local", "./storage-data", null, secret, Duration.ofHours(1),
				DataSize.ofGigabytes(5), 40_000_000, Duration.ofHours(24), 10_000);
	}

}
