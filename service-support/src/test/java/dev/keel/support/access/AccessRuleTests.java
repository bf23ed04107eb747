package dev.keel.support.access;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.keel.support.security.CurrentCaller;

import static org.assertj.core.api.Assertions.assertThat;

class AccessRuleTests {

	private static final Optional<CurrentCaller> anonymous = Optional.empty();

	private static final Optional<CurrentCaller> alice = Optional.of(new CurrentCaller("alice", Set.of(), null));

	private static final Optional<CurrentCaller> editor = Optional.of(new CurrentCaller("eve", Set.of("editor"), null));

	private static final Optional<CurrentCaller> admin = Optional.of(new CurrentCaller("root", Set.of("admin"), null));

	@Test
	void parsesTheFourKindsAndNothingElse() {
		assertThat(AccessRule.parse("public")).containsInstanceOf(AccessRule.Public.class);
		assertThat(AccessRule.parse("role:editor").map(AccessRule::text)).contains("role:editor");
		assertThat(AccessRule.parse("role:")).isEmpty();
		assertThat(AccessRule.parse("role:a b")).isEmpty();
		assertThat(AccessRule.parse("Public")).isEmpty();
		assertThat(AccessRule.parse(null)).isEmpty();
	}

	@Test
	void publicLetsEveryoneIn() {
		assertThat(rule("public").decide(anonymous)).isInstanceOf(AccessDecision.Everything.class);
	}

	@Test
	void authenticatedNeedsAToken() {
		assertThat(rule("authenticated").decide(anonymous)).isInstanceOf(AccessDecision.Unauthenticated.class);
		assertThat(rule("authenticated").decide(alice)).isInstanceOf(AccessDecision.Everything.class);
	}

	@Test
	void ownerRestrictsUsersToTheirOwnDocumentsButNotAdmins() {
		assertThat(rule("owner").decide(alice)).isEqualTo(new AccessDecision.OwnOnly("alice"));
		assertThat(rule("owner").decide(admin)).isInstanceOf(AccessDecision.Everything.class);
		assertThat(rule("owner").decide(anonymous)).isInstanceOf(AccessDecision.Unauthenticated.class);
	}

	@Test
	void roleNeedsTheRoleOrAdmin() {
		assertThat(rule("role:editor").decide(alice)).isInstanceOf(AccessDecision.Forbidden.class);
		assertThat(rule("role:editor").decide(editor)).isInstanceOf(AccessDecision.Everything.class);
		assertThat(rule("role:editor").decide(admin)).isInstanceOf(AccessDecision.Everything.class);
		assertThat(rule("role:editor").decide(anonymous)).isInstanceOf(AccessDecision.Unauthenticated.class);
	}

	@Test
	void permitsADocumentOnlyWhenTheDecisionIncludesItsOwner() {
		assertThat(rule("owner").permits(alice, "alice")).isTrue();
		assertThat(rule("owner").permits(alice, "bob")).isFalse();
		assertThat(rule("owner").permits(alice, null)).isFalse();
		assertThat(rule("owner").permits(admin, "bob")).isTrue();
		assertThat(rule("role:editor").permits(alice, "alice")).isFalse();
		assertThat(rule("authenticated").permits(anonymous, null)).isFalse();
		assertThat(rule("public").permits(anonymous, "alice")).isTrue();
	}

	private static AccessRule rule(String text) {
		return AccessRule.parse(text).orElseThrow();
	}

}
