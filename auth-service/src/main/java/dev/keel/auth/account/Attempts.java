package dev.keel.auth.account;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a recovery operation for a page. Whatever fails underneath (the store, the broker)
 * becomes {@link RecoveryResult.Unavailable}, so the person sees a "try again" page
 * rather than an error.
 */
final class Attempts {

	private static final Logger logger = LoggerFactory.getLogger(Attempts.class);

	private Attempts() {
	}

	static RecoveryResult of(String operation, Supplier<RecoveryResult> call) {
		try {
			return call.get();
		}
		catch (RuntimeException ex) {
			logger.warn("{} for an account page failed: {}", operation, ex.toString());
			return new RecoveryResult.Unavailable();
		}
	}

}
