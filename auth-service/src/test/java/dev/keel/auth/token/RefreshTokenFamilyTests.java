package dev.keel.auth.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import dev.keel.auth.token.RefreshDecision.Refused;
import dev.keel.auth.token.RefreshDecision.Reissued;
import dev.keel.auth.token.RefreshDecision.ReuseDetected;
import dev.keel.auth.token.RefreshDecision.Rotated;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenFamilyTests {

	private static final Instant LOGIN = Instant.parse("2026-11-23T10:00:00Z");

	private static final RotationPolicy POLICY = new RotationPolicy(Duration.ofSeconds(10), null);

	private static final SessionOrigin ORIGIN = new SessionOrigin("password", "curl/8.5.0", "203.0.113.7");

	private final RefreshTokenFamily family = RefreshTokenFamily.start("sid-1", "user-1", "t1", LOGIN,
			Duration.ofDays(30), ORIGIN, List.of("pwd"));

	@Test
	void presentingTheLiveTokenRotatesIt() {
		RefreshDecision decision = this.family.present("t1", "t2", LOGIN.plusSeconds(60), POLICY);

		RefreshTokenFamily next = ((Rotated) decision).next();
		assertThat(next.live()).containsExactly("t2");
		assertThat(next.rotatedOut()).containsExactly("t1");
		assertThat(next.id()).isEqualTo("sid-1");
		assertThat(next.lastUsedAt()).isEqualTo(LOGIN.plusSeconds(60));
	}

	@Test
	void theRotatedTokenWithinTheGraceWindowGetsAnotherTokenOfTheSameFamily() {
		RefreshTokenFamily rotated = rotate(this.family, "t1", "t2", LOGIN.plusSeconds(60));

		RefreshDecision decision = rotated.present("t1", "t2b", LOGIN.plusSeconds(70), POLICY);

		RefreshTokenFamily next = ((Reissued) decision).next();
		assertThat(next.id()).isEqualTo("sid-1");
		assertThat(next.live()).containsExactly("t2", "t2b");
		assertThat(next.rotatedAt()).as("a re-issue does not extend the window").isEqualTo(LOGIN.plusSeconds(60));
	}

	@Test
	void bothTokensOfTheTwoTabsStayUsableAfterAGraceReissue() {
		RefreshTokenFamily rotated = rotate(this.family, "t1", "t2", LOGIN.plusSeconds(60));
		RefreshTokenFamily reissued = ((Reissued) rotated.present("t1", "t2b", LOGIN.plusSeconds(61), POLICY)).next();

		RefreshTokenFamily afterTabA = rotate(reissued, "t2", "t3", LOGIN.plusSeconds(62));
		RefreshDecision tabB = afterTabA.present("t2b", "t3b", LOGIN.plusSeconds(63), POLICY);

		assertThat(tabB).isInstanceOf(Reissued.class);
	}

	@Test
	void theRotatedTokenAfterTheGraceWindowIsReuse() {
		RefreshTokenFamily rotated = rotate(this.family, "t1", "t2", LOGIN.plusSeconds(60));

		assertThat(rotated.present("t1", "x", LOGIN.plusSeconds(71), POLICY)).isInstanceOf(ReuseDetected.class);
	}

	@Test
	void theGraceWindowIncludesItsLastInstant() {
		RefreshTokenFamily rotated = rotate(this.family, "t1", "t2", LOGIN.plusSeconds(60));

		assertThat(rotated.present("t1", "x", LOGIN.plusSeconds(70), POLICY)).isInstanceOf(Reissued.class);
	}

	@Test
	void anOlderTokenThanTheLastRotatedIsReuseEvenWithinTheWindow() {
		RefreshTokenFamily twice = rotate(rotate(this.family, "t1", "t2", LOGIN.plusSeconds(1)), "t2", "t3",
				LOGIN.plusSeconds(2));

		assertThat(twice.present("t1", "x", LOGIN.plusSeconds(3), POLICY)).isInstanceOf(ReuseDetected.class);
	}

	@Test
	void graceReissuesAreLimited() {
		RefreshTokenFamily current = rotate(this.family, "t1", "t2", LOGIN.plusSeconds(1));
		for (int i = 1; i < RefreshTokenFamily.MAX_LIVE_TOKENS; i++) {
			current = ((Reissued) current.present("t1", "r" + i, LOGIN.plusSeconds(2), POLICY)).next();
		}

		assertThat(current.present("t1", "one-more", LOGIN.plusSeconds(2), POLICY)).isInstanceOf(ReuseDetected.class);
	}

	@Test
	void aRevokedFamilyRefusesEvenItsLiveToken() {
		RefreshTokenFamily revoked = new RefreshTokenFamily("sid-1", "user-1", LOGIN, LOGIN.plus(Duration.ofDays(30)),
				LOGIN, java.util.List.of("t1"), java.util.List.of(), null, LOGIN.plusSeconds(5), 1, ORIGIN,
				java.util.List.of("pwd"));

		assertThat(revoked.present("t1", "t2", LOGIN.plusSeconds(6), POLICY)).isInstanceOf(Refused.class);
	}

	@Test
	void aFamilyEndsAtItsAbsoluteLifetimeHoweverOftenItIsRefreshed() {
		RefreshTokenFamily recentlyUsed = rotate(this.family, "t1", "t2", LOGIN.plus(Duration.ofDays(29)));

		assertThat(recentlyUsed.present("t2", "t3", LOGIN.plus(Duration.ofDays(30)), POLICY))
			.isInstanceOf(Refused.class);
	}

	@Test
	void anIdleFamilyEndsWhenAnIdleLifetimeIsSet() {
		RotationPolicy idle = new RotationPolicy(Duration.ofSeconds(10), Duration.ofDays(7));
		RefreshTokenFamily used = rotate(this.family, "t1", "t2", LOGIN.plus(Duration.ofDays(5)));

		assertThat(used.present("t2", "t3", LOGIN.plus(Duration.ofDays(11)), idle)).isInstanceOf(Rotated.class);
		assertThat(used.present("t2", "t3", LOGIN.plus(Duration.ofDays(12)), idle)).isInstanceOf(Refused.class);
		assertThat(used.present("t2", "t3", LOGIN.plus(Duration.ofDays(12)), POLICY)).isInstanceOf(Rotated.class);
	}

	@Test
	void theModelDoesNotDependOnSpring() {
		JavaClasses model = new ClassFileImporter().importClasses(RefreshTokenFamily.class, RefreshDecision.class,
				RotationPolicy.class);

		noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..").check(model);
	}

	private static RefreshTokenFamily rotate(RefreshTokenFamily family, String presented, String replacement,
			Instant at) {
		return ((Rotated) family.present(presented, replacement, at, POLICY)).next();
	}

}
