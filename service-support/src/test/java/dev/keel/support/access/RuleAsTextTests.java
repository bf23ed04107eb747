package dev.keel.support.access;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.keel.support.security.CurrentCaller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule as a document event carries it, applied to a possible recipient (who always has
 * an account): the cases notification-service relies on.
 */
class RuleAsTextTests {

	@Test
	void publicAndAuthenticatedLetEveryUserHear() {
		assertThat(AccessRule.permits("public", user("u1"), "u2")).isTrue();
		assertThat(AccessRule.permits("authenticated", user("u1"), "u2")).isTrue();
	}

	@Test
	void ownerLetsOnlyTheOwnerHear() {
		assertThat(AccessRule.permits("owner", user("u1"), "u1")).isTrue();
		assertThat(AccessRule.permits("owner", user("u1"), "u2")).isFalse();
		assertThat(AccessRule.permits("owner", user("u1"), null)).isFalse();
	}

	@Test
	void roleRuleNeedsTheRoleAndAdminsPassEveryRule() {
		assertThat(AccessRule.permits("role:editor", user("u1", "editor"), "u2")).isTrue();
		assertThat(AccessRule.permits("role:editor", user("u1", "editors"), "u2")).isFalse();
		assertThat(AccessRule.permits("owner", user("u1", "admin"), "u2")).isTrue();
	}

	@Test
	void unknownOrMissingRulesLetNobodyHear() {
		assertThat(AccessRule.permits("friends", user("u1"), "u1")).isFalse();
		assertThat(AccessRule.permits(null, user("u1"), "u1")).isFalse();
	}

	@Test
	void adminsHearEvenUnderARuleTheyCannotRead() {
		assertThat(AccessRule.permits("friends", user("root", "admin"), "u1")).isTrue();
	}

	private static CurrentCaller user(String id, String... roles) {
		return new CurrentCaller(id, Set.of(roles), null);
	}

}
