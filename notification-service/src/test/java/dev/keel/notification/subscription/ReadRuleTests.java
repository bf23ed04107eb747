package dev.keel.notification.subscription;

import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReadRuleTests {

	@Test
	void publicAndAuthenticatedLetEveryUserHear() {
		assertThat(ReadRule.allows("public", "u1", Set.of(), "u2")).isTrue();
		assertThat(ReadRule.allows("authenticated", "u1", Set.of(), "u2")).isTrue();
	}

	@Test
	void ownerLetsOnlyTheOwnerHear() {
		assertThat(ReadRule.allows("owner", "u1", Set.of(), "u1")).isTrue();
		assertThat(ReadRule.allows("owner", "u1", Set.of(), "u2")).isFalse();
		assertThat(ReadRule.allows("owner", "u1", Set.of(), null)).isFalse();
	}

	@Test
	void roleRuleNeedsTheRoleAndAdminsPassEveryRule() {
		assertThat(ReadRule.allows("role:editor", "u1", Set.of("editor"), "u2")).isTrue();
		assertThat(ReadRule.allows("role:editor", "u1", Set.of("editors"), "u2")).isFalse();
		assertThat(ReadRule.allows("owner", "u1", Set.of("admin"), "u2")).isTrue();
	}

	@Test
	void unknownOrMissingRulesLetNobodyHear() {
		assertThat(ReadRule.allows("friends", "u1", Set.of(), "u1")).isFalse();
		assertThat(ReadRule.allows(null, "u1", Set.of(), "u1")).isFalse();
	}

}
