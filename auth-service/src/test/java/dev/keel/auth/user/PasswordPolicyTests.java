package dev.keel.auth.user;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsTenThousandCommonPasswords() {
		assertThat(CommonPasswords.load().size()).isBetween(9_900, 10_000);
	}

	@Test
	void refusesShortLongAndCommonPasswords() {
		assertThat(this.policy.problem("Abc!234")).hasValueSatisfying((why) -> assertThat(why).contains("at least 8"));
		assertThat(this.policy.problem("x".repeat(129)))
			.hasValueSatisfying((why) -> assertThat(why).contains("at most"));
		assertThat(this.policy.problem("Password1")).hasValueSatisfying((why) -> assertThat(why).contains("common"));
		assertThat(this.policy.problem("iloveyou")).isPresent();
		assertThat(this.policy.problem(null)).isPresent();
	}

	@Test
	void acceptsALongUncommonPassphraseAndCountsEmojiAsOneCharacter() {
		assertThat(this.policy.problem("correct horse battery staple")).isEmpty();
		assertThat(this.policy.problem("x".repeat(128))).isEmpty();
		assertThat(this.policy.problem("\uD83D\uDD11".repeat(8))).isEmpty();
		assertThat(this.policy.problem("\uD83D\uDD11".repeat(7))).isPresent();
	}

}
