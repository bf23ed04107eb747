package dev.keel.auth.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.keel.auth.key.SecretSealing;
import dev.keel.auth.mfa.TotpFactors.Factor;

/**
 * A user's TOTP factor: enrollment (a new secret, sealed with the master key), its
 * confirmation with a first code (which hands out the recovery codes, once), removal with
 * a fresh code, and checking a code at sign-in. A code is accepted for one step either
 * side of now, and only for a step later than the last one accepted.
 */
@Service
public class TotpService {

	static final String ISSUER = "Keel";

	private static final Logger log = LoggerFactory.getLogger(TotpService.class);

	private final TotpFactors factors;

	private final SecretSealing sealing;

	TotpService(TotpFactors factors, SecretSealing sealing) {
		this.factors = factors;
		this.sealing = sealing;
	}

	/** What an authenticator app needs to add the factor. */
	record Enrollment(String secret, String otpauthUri) {
	}

	Enrollment enroll(String userId, String accountName) {
		byte[] secret = Secrets.totpSecret();
		if (!this.factors.startEnrollment(userId, this.sealing.seal(secret, userId))) {
			throw TotpProblems.alreadyEnrolled();
		}
		String base32 = Base32.encode(secret);
		String label = encode(ISSUER) + ":" + encode(accountName);
		return new Enrollment(base32, "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(ISSUER)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS);
	}

	/**
	 * Confirms the pending factor and returns the recovery codes, the only time they are
	 * shown.
	 */
	List<String> confirm(String userId, String code) {
		Factor factor = this.factors.find(userId).orElseThrow(TotpProblems::notEnrolled);
		if (factor.confirmed()) {
			throw TotpProblems.alreadyEnrolled();
		}
		guardedCheck(factor, code);
		List<String> codes = Secrets.recoveryCodes();
		if (!this.factors.confirm(userId,
				codes.stream().map(Secrets::normalizedRecoveryCode).map(Secrets::hash).toList())) {
			throw TotpProblems.alreadyEnrolled();
		}
		return codes;
	}

	void remove(String userId, String code) {
		Factor factor = this.factors.find(userId).filter(Factor::confirmed).orElseThrow(TotpProblems::notEnrolled);
		guardedCheck(factor, code);
		this.factors.remove(userId);
	}

	boolean hasConfirmedFactor(String userId) {
		return this.factors.hasConfirmed(userId);
	}

	/** Whether the code is right for a step not used before; takes that step if so. */
	boolean accept(String userId, String code) {
		return this.factors.find(userId).filter(Factor::confirmed).map((factor) -> accept(factor, code)).orElse(false);
	}

	boolean spendRecoveryCode(String userId, String code) {
		return code != null
				&& this.factors.spendRecoveryCode(userId, Secrets.hash(Secrets.normalizedRecoveryCode(code)));
	}

	private void guardedCheck(Factor factor, String code) {
		if (!this.factors.countGuess(factor.userId())) {
			throw TotpProblems.locked();
		}
		if (!accept(factor, code)) {
			throw TotpProblems.wrongCode();
		}
		this.factors.resetGuesses(factor.userId());
	}

	private boolean accept(Factor factor, String code) {
		byte[] secret;
		try {
			secret = this.sealing.open(factor.sealedSecret(), factor.userId());
		}
		catch (IllegalStateException ex) {
			// another master key: the factor cannot be used, recovery codes still can
			log.error("The TOTP secret of user {} does not open with the master key", factor.userId());
			return false;
		}
		OptionalLong step = Totp.matchingStep(secret, code, Totp.step(Instant.now()));
		return step.isPresent() && this.factors.claimStep(factor.userId(), step.getAsLong());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
