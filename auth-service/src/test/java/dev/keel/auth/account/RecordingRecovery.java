package dev.keel.auth.account;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test stand-in for the user feature's side of the account pages: records every call and
 * answers each with what the test asked for last ({@link RecoveryResult.Done} until told
 * otherwise). The real side is covered by {@code AccountPagesRecoveryIntegrationTests}.
 */
public class RecordingRecovery implements AccountRecovery {

	private final List<Call> received = new CopyOnWriteArrayList<>();

	private volatile Supplier<RecoveryResult> answer = RecoveryResult.Done::new;

	/** Forgets what was received and answers the next calls with the given result. */
	public void willAnswer(RecoveryResult result) {
		this.received.clear();
		this.answer = () -> result;
	}

	/** Forgets what was received and fails the next calls, as a store that is down. */
	public void willFail(RuntimeException failure) {
		this.received.clear();
		this.answer = () -> {
			throw failure;
		};
	}

	public List<Call> received() {
		return List.copyOf(this.received);
	}

	@Override
	public RecoveryResult verifyEmail(String token) {
		return call("verifyEmail", token);
	}

	@Override
	public RecoveryResult resetPassword(String token, String newPassword) {
		return call("resetPassword", token, newPassword);
	}

	@Override
	public RecoveryResult forgotPassword(String email) {
		return call("forgotPassword", email);
	}

	/** Knows no sign-in link: answers as for a used one. */
	@Override
	public Optional<String> signInLinkTarget(String token) {
		this.received.add(new Call("signInLinkTarget", List.of(token)));
		return Optional.empty();
	}

	/** Knows no sign-in link: answers as for a used one. */
	@Override
	public Optional<String> signInWithLink(String token) {
		this.received.add(new Call("signInWithLink", List.of(token)));
		return Optional.empty();
	}

	private RecoveryResult call(String operation, String... arguments) {
		this.received.add(new Call(operation, List.of(arguments)));
		return this.answer.get();
	}

	/**
	 * A call the pages made.
	 *
	 * @param operation the method, such as {@code verifyEmail}
	 * @param arguments its arguments, in order
	 */
	public record Call(String operation, List<String> arguments) {
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		RecordingRecovery recordingRecovery() {
			return new RecordingRecovery();
		}

	}

}
