package dev.keel.auth;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

import dev.keel.auth.account.RecordingRecovery;
import dev.keel.testing.EmbeddedInfrastructure;

/**
 * auth-service on the real broker and store, over real HTTP, with the in-memory
 * {@link TestAccounts} and {@link RecordingRecovery} standing in for the user feature and
 * a {@link MethodSecurityProbe} endpoint. Every class that uses it shares one application
 * context. The master key is fixed (so tests write no key file) and the refresh grace
 * window is short, so tests can outwait it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(EmbeddedInfrastructure.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "eureka.client.enabled=false",
				"keel.auth.keys.master-key=" + AuthServiceIntegrationTest.MASTER_KEY,
				"keel.auth.tokens.grace-window=" + AuthServiceIntegrationTest.GRACE_WINDOW,
				"keel.auth.handoff.redirect-allow-list=" + AuthServiceIntegrationTest.APP_CALLBACK })
@Import({ TestAccounts.Configuration.class, RecordingRecovery.Configuration.class, MethodSecurityProbe.class })
public @interface AuthServiceIntegrationTest {

	/** The test master key: base64 of 32 bytes. */
	String MASTER_KEY = "S2VlbFRlc3RNYXN0ZXJLZXlPZlRoaXJ0eVR3b0J5dGU=";

	String GRACE_WINDOW = "2s";

	/** The one redirect on the allow-list. */
	String APP_CALLBACK = "https://app.example.com/callback";

}
