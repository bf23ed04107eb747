package dev.keel.auth.mfa;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.keel.auth.mfa.MfaChallenges.Challenge;
import dev.keel.auth.token.SecondFactors;

/**
 * The second sign-in step at the token endpoint: a challenge for a user with a confirmed
 * TOTP factor, completed by a TOTP code ({@code amr} gains {@code otp} and {@code mfa})
 * or by a recovery code ({@code amr} gains {@code rec} and {@code mfa}).
 */
@Component
class MfaSignIn implements SecondFactors {

	private static final String REFUSED = "The mfa_token is unknown, expired, used or locked after five wrong "
			+ "codes, or the code is wrong or was used already.";

	private final TotpService totp;

	private final MfaChallenges challenges;

	MfaSignIn(TotpService totp, MfaChallenges challenges) {
		this.totp = totp;
		this.challenges = challenges;
	}

	@Override
	public Optional<String> challenge(String subject, List<String> amr) {
		if (!this.totp.hasConfirmedFactor(subject)) {
			return Optional.empty();
		}
		return Optional.of(this.challenges.issue(subject, amr));
	}

	@Override
	public Completion complete(String mfaToken, String code, boolean recovery) {
		Optional<Challenge> challenge = this.challenges.guess(mfaToken);
		if (challenge.isEmpty()) {
			return new Completion.Refused(REFUSED);
		}
		String userId = challenge.get().userId();
		boolean right = recovery ? this.totp.spendRecoveryCode(userId, code) : this.totp.accept(userId, code);
		if (!right || !this.challenges.complete(challenge.get())) {
			return new Completion.Refused(REFUSED);
		}
		List<String> amr = Stream.concat(challenge.get().amr().stream(), Stream.of(recovery ? "rec" : "otp", "mfa"))
			.distinct()
			.toList();
		return new Completion.Completed(userId, amr);
	}

}
