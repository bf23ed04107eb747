package dev.keel.notification.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.keel.support.web.Problems.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookValidationTests {

	private final WebhookValidation strict = new WebhookValidation(
			new TargetGuard(false, WebhookValidationTests::resolve));

	private final WebhookValidation lenient = new WebhookValidation(
			new TargetGuard(true, WebhookValidationTests::resolve));

	@Test
	void acceptsAPublicHttpsUrlWithTypesAndPatterns() {
		assertThat(this.strict.check(new WebhookRequest("https://hooks.example.com/keel?x=1",
				List.of("keel.document.created", "keel.user.*", "*", "keel.collection.*"), List.of("tasks", "a_b-c"),
				"CRM sync")))
			.isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://hooks.example.com/", "/relative/path", "hooks.example.com/x", "https://",
			"http:///no-host", "https://exa mple.com/", "mailto:admin@example.com", "" })
	void refusesUrlsThatAreNotAbsoluteHttp(String url) {
		assertThat(fields(this.lenient.check(request(url)))).containsExactly("url");
	}

	@Test
	void refusesUserInfoAndOverlongUrls() {
		assertThat(this.lenient.check(request("https://user:pass@hooks.example.com/")))
			.containsExactly(new FieldProblem("url", "must not contain a user name or password"));
		String overlong = "https://hooks.example.com/" + "a".repeat(2048);
		assertThat(this.lenient.check(request(overlong)))
			.containsExactly(new FieldProblem("url", "must be at most 2048 characters"));
	}

	@Test
	void refusesPrivateTargetsUnlessAllowed() {
		List<FieldProblem> problems = this.strict.check(request("http://127.0.0.1:9000/hook"));

		assertThat(fields(problems)).containsExactly("url");
		assertThat(problems.get(0).message()).startsWith("is refused: its host 127.0.0.1 resolves to 127.0.0.1")
			.contains("internal address");
		assertThat(this.strict.check(request("http://[fd12::1]/hook"))).hasSize(1);
		assertThat(this.lenient.check(request("http://127.0.0.1:9000/hook"))).isEmpty();
	}

	@Test
	void refusesUnknownEventTypesAndPatterns() {
		List<FieldProblem> problems = this.lenient.check(new WebhookRequest("https://hooks.example.com/",
				Arrays.asList("keel.document.created", "keel.document.exploded", "keel.*", null), null, null));

		assertThat(fields(problems)).containsExactly("events[1]", "events[2]", "events[3]");
		assertThat(fields(this.lenient.check(new WebhookRequest("https://hooks.example.com/", List.of(), null, null))))
			.containsExactly("events");
		assertThat(fields(this.lenient.check(new WebhookRequest("https://hooks.example.com/", null, null, null))))
			.containsExactly("events");
	}

	@Test
	void refusesBadCollectionNamesAndLongDescriptions() {
		List<FieldProblem> problems = this.lenient.check(new WebhookRequest("https://hooks.example.com/", List.of("*"),
				List.of("tasks", "Tasks", "$where"), "x".repeat(501)));

		assertThat(fields(problems)).containsExactly("collections[1]", "collections[2]", "description");
	}

	@Test
	void reportsEveryProblemAtOnce() {
		assertThat(fields(this.lenient.check(new WebhookRequest("nope", List.of("nope"), List.of("-"), null))))
			.containsExactly("url", "events[0]", "collections[0]");
	}

	private static WebhookRequest request(String url) {
		return new WebhookRequest(url, List.of("*"), null, null);
	}

	private static List<String> fields(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::field).toList();
	}

	private static InetAddress[] resolve(String host) throws UnknownHostException {
		if (host.equals("hooks.example.com")) {
			return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 216, 34 }) };
		}
		return InetAddress.getAllByName(host);
	}

}
