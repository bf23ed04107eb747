package dev.keel.notification.email;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTextTests {

	@Test
	void lineBreaksAndOtherControlsBecomeOneSpace() {
		assertThat(EmailText.oneLine("Eve\r\nBcc: evil@example.test\r\n\r\nSubject:\tpwned\u0000!", 200))
			.isEqualTo("Eve Bcc: evil@example.test Subject: pwned !");
	}

	@Test
	void unicodeLineSeparatorsAndDirectionOverridesAreRemoved() {
		assertThat(EmailText.oneLine("a\u2028b\u2029c\u0085d \u202Egpj.exe\u202C", 200)).isEqualTo("a b c d gpj.exe");
	}

	@Test
	void longValuesAreCutWithAnEllipsis() {
		String cut = EmailText.oneLine("x".repeat(100), 10);

		assertThat(cut).hasSize(10).endsWith("…").startsWith("xxxxxxxxx");
	}

	@Test
	void aCutNeverSplitsASurrogatePair() {
		String cut = EmailText.oneLine("abcdefgh\uD83D\uDE00xyz", 10);

		assertThat(cut).isEqualTo("abcdefgh…");
	}

	@Test
	void nothingGivesAnEmptyLine() {
		assertThat(EmailText.oneLine(null, 10)).isEmpty();
		assertThat(EmailText.oneLine(" \r\n ", 10)).isEmpty();
	}

}
