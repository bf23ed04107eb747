package dev.keel.bench;

import java.time.Duration;
import java.util.Arrays;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * The time of one Argon2id hash with auth-service's parameters (19 MiB, 2 iterations,
 * parallelism 1, 16-byte salt, 32-byte hash), measured in this process with the same
 * implementation (BouncyCastle) that auth-service's encoder uses. It is the floor of one
 * login's latency; auth-service itself may run it slower (its JVM options, other load).
 */
final class HashTime {

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	private HashTime() {
	}

	/** The median of {@code rounds} hashes, after {@code warmups} unmeasured ones. */
	static Duration median(int warmups, int rounds) {
		for (int i = 0; i < warmups; i++) {
			hashOnce(i);
		}
		long[] nanos = new long[rounds];
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			hashOnce(i);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return Duration.ofNanos(nanos[rounds / 2]);
	}

	private static byte[] hashOnce(int round) {
		byte[] salt = new byte[16];
		salt[0] = (byte) round;
		Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withSalt(salt)
			.withParallelism(1)
			.withMemoryAsKB(MEMORY_KIB)
			.withIterations(ITERATIONS)
			.build();
		Argon2BytesGenerator generator = new Argon2BytesGenerator();
		generator.init(parameters);
		byte[] hash = new byte[32];
		generator.generateBytes("correct horse battery staple".toCharArray(), hash);
		return hash;
	}

}
