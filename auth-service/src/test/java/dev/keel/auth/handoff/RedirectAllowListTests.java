package dev.keel.auth.handoff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RedirectAllowListTests {

	private final RedirectAllowList list = RedirectAllowList.parse(
			" https://app.example.com/callback , https://web.example.com, http://localhost:3000/auth/,com.example.app:/callback");

	@ParameterizedTest
	@ValueSource(strings = { "https://app.example.com/callback", "https://app.example.com/callback?next=%2Fhome",
			"HTTPS://APP.EXAMPLE.COM/callback", "https://app.example.com:443/callback", "https://web.example.com",
			"https://web.example.com/", "https://web.example.com/any/page", "http://localhost:3000/auth/",
			"http://localhost:3000/auth/done", "com.example.app:/callback" })
	void allowsListedPlaces(String redirect) {
		assertThat(this.list.allows(redirect)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://app.example.com.evil.com/callback", "https://app.example.com@evil.com/callback",
			"https://evil.com@app.example.com/callback", "//evil.com", "//app.example.com/callback",
			"https:\\\\evil.com", "https://app.example.com\\@evil.com/callback", "javascript:alert(1)",
			"javascript://app.example.com/callback", "data:text/html,hi", "https://app.example.com/callback#x",
			"https://app.example.com/callback/../admin", "https://app.example.com/callback/%2e%2e/admin",
			"https://app.example.com/%2E%2E/callback", "https://web.example.com/a%2fb",
			"https://web.example.com//evil.com", "http://app.example.com/callback",
			"https://app.example.com:8443/callback", "https://app.example.com/callbackx",
			"https://app.example.com/callback/more", "https://app.example.com/", "http://localhost:3000/auth",
			"http://localhost:3000/authx", "http://localhost:5173/auth/", "https://evil.com", "com.example.app:/other",
			"com.evil.app:/callback", "https://app.example.com/call back", "https://app.example.com/callback\n",
			"https://app.example.com./callback", "https://%61pp.example.com/callback", "/callback", "callback", "" })
	void refusesEverythingElse(String redirect) {
		assertThat(this.list.allows(redirect)).isFalse();
	}

	@Test
	void refusesNull() {
		assertThat(this.list.allows(null)).isFalse();
	}

	@Test
	void anEmptyListAllowsNothing() {
		RedirectAllowList empty = RedirectAllowList.parse("");
		assertThat(empty.isEmpty()).isTrue();
		assertThat(empty.allows("http://localhost:3000/")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "javascript:alert(1)", "https://user@app.example.com", "https://app.example.com/#x",
			"https://app.example.com/?a=b", "app.example.com", "data:text/html", "https://app.example.com/../x" })
	void refusesEntriesThatCannotBeSafe(String entry) {
		assertThatIllegalArgumentException().isThrownBy(() -> RedirectAllowList.parse(entry))
			.withMessageContaining(entry);
	}

}
