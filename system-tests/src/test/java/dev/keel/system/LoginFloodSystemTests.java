package dev.keel.system;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import dev.keel.system.LoopbackClient.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Attacks on the password grant through the gateway, each client from its own address: a
 * burst of logins cannot exhaust auth-service (Argon2id holds 19 MiB per check) or make
 * the gateway time out, and parallel guesses cannot outrun the per-account lockout.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 80)
class LoginFloodSystemTests {

	@Test
	void aBurstOfLoginsFromManyAddressesGetsOnlyRefusalsOrRetryableBusyAndAuthStaysUp() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);
		long authPid = pid("auth-service");

		List<Answer> answers = inParallel(200,
				(n) -> LoopbackClient.postForm(n, "/api/auth/token", passwordGrant(Accounts.newEmail(), "wrong " + n)));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isIn(400, 401, 429, 503);
			if (answer.status() == 503 || answer.status() == 429) {
				assertThat(answer.header("Retry-After")).as(answer.toString()).matches("[1-9][0-9]*");
			}
		});
		assertThat(answers).filteredOn((answer) -> answer.status() == 400)
			.allSatisfy((answer) -> assertThat(answer.json().path("error").asString()).isEqualTo("invalid_grant"));
		System.out.printf("200 concurrent password grants from 200 addresses: %d refused, %d busy (503)%n",
				answers.stream().filter((answer) -> answer.status() == 400).count(),
				answers.stream().filter((answer) -> answer.status() == 503).count());

		assertThat(pid("auth-service")).as("auth-service was not restarted").isEqualTo(authPid);
		Accounts.login(email, Accounts.PASSWORD);
	}

	@Test
	void parallelGuessesForOneAccountCheckAtMostFiveAndThenLockTheRightPasswordOutToo() throws Exception {
		String email = Accounts.newEmail();
		Accounts.signUp(email);

		List<Answer> answers = inParallel(20,
				(n) -> LoopbackClient.postForm(1000 + n, "/api/auth/token", passwordGrant(email, "guess " + n)));

		long checked = answers.stream().filter((answer) -> answer.status() == 400).count();
		assertThat(checked).as("guesses whose password was checked: %s", answers).isBetween(1L, 5L);
		assertThat(answers).filteredOn((answer) -> answer.status() != 400).allSatisfy((answer) -> {
			assertThat(answer.status()).as(answer.toString()).isIn(429, 503);
			assertThat(answer.header("Retry-After")).as(answer.toString()).matches("[1-9][0-9]*");
		});
		// A guess refused as busy (503) checked no password and does not count: the
		// guesser
		// may go on, one at a time, until five checks in all, and no further.
		for (int n = 0; n < 20 && checked < 5; n++) {
			Answer guess = LoopbackClient.postForm(1050 + n, "/api/auth/token", passwordGrant(email, "again " + n));
			assertThat(guess.status()).as(guess.toString()).isIn(400, 503);
			checked += (guess.status() == 400) ? 1 : 0;
		}
		assertThat(checked).isEqualTo(5);

		Answer right = LoopbackClient.postForm(1100, "/api/auth/token", passwordGrant(email, Accounts.PASSWORD));
		assertThat(right.status()).as("the right password inside the lockout: %s", right).isEqualTo(429);
	}

	static String passwordGrant(String email, String password) {
		return "grant_type=password&username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
				+ URLEncoder.encode(password, StandardCharsets.UTF_8);
	}

	/** Runs {@code count} calls at once, released together, and returns their answers. */
	static List<Answer> inParallel(int count, Call call) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Answer>> futures = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int n = i;
				futures.add(threads.submit(() -> {
					start.await();
					return call.send(n);
				}));
			}
			start.countDown();
			List<Answer> answers = new ArrayList<>();
			for (Future<Answer> future : futures) {
				answers.add(future.get());
			}
			return answers;
		}
	}

	static long pid(String component) throws Exception {
		return RunningPlatform.components()
			.stream()
			.filter((entry) -> entry.path("name").asString().equals(component))
			.map((JsonNode entry) -> entry.path("pid").asLong())
			.findFirst()
			.orElseThrow();
	}

	@FunctionalInterface
	interface Call {

		Answer send(int n);

	}

}
