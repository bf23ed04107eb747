package dev.keel.auth.user;

import java.util.Optional;

import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dev.keel.auth.handoff.Pkce;
import dev.keel.auth.handoff.RedirectAllowList;
import dev.keel.auth.handoff.SignInHandoffs;
import dev.keel.auth.token.LoginOutcome;
import dev.keel.auth.token.OtpLogin;
import dev.keel.auth.user.OtpCodes.Handoff;
import dev.keel.auth.user.OtpCodes.Issued;
import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.OtpRequested;

/**
 * Passwordless email sign-in. A request sends an existing, enabled account a 6-digit code
 * (and, when the app named an allowed {@code redirect_to} and a PKCE challenge, a link)
 * through {@code keel.user.otp-requested} to notification-service, at most as often as
 * the mail throttle allows per address; the caller learns nothing about whether the
 * address has an account. Redeeming the code, or following the link, signs the user in
 * and verifies the address, since only its owner could read the email.
 */
@Service
class OtpService implements OtpLogin {

	/** The {@code method} of a handoff that a sign-in link started. */
	static final String MAGIC_LINK = "magic_link";

	private final Users users;

	private final OtpCodes codes;

	private final UserEvents events;

	private final RecentAttempts mailSends;

	private final UserProperties properties;

	private final RedirectAllowList allowList;

	private final SignInHandoffs handoffs;

	OtpService(Users users, OtpCodes codes, UserEvents events, RecentAttempts mailSends, UserProperties properties,
			RedirectAllowList allowList, SignInHandoffs handoffs) {
		this.users = users;
		this.codes = codes;
		this.events = events;
		this.mailSends = mailSends;
		this.properties = properties;
		this.allowList = allowList;
		this.handoffs = handoffs;
	}

	/**
	 * Sends a code (and a link) when the account exists, is enabled and not throttled.
	 * @return the refusal of the request's own fields, checked before anything else
	 */
	Optional<Invalid> request(UserRequests.Otp request) {
		Optional<Invalid> invalid = check(request);
		if (invalid.isPresent()) {
			return invalid;
		}
		Handoff handoff = (request.redirectTo() != null) ? new Handoff(request.redirectTo(), request.codeChallenge())
				: null;
		this.users.findByEmail(request.email())
			.filter((user) -> !user.disabled())
			.filter((user) -> this.mailSends.reserve(mailKey(user), this.properties.mail().quota()).isEmpty())
			.ifPresent((user) -> {
				Issued issued = this.codes.issue(user.id(), handoff);
				this.users.update(user.id(), this.events.appendTo(new Update(), OtpRequested.of(user.id(), user.email(),
						user.displayName(), issued.code(), issued.token(), issued.expiresAt())));
			});
		return Optional.empty();
	}

	private Optional<Invalid> check(UserRequests.Otp request) {
		if (request.redirectTo() == null) {
			return (request.codeChallenge() != null || request.codeChallengeMethod() != null)
					? Optional.of(Invalid.of("code_challenge", "is only used together with redirect_to"))
					: Optional.empty();
		}
		if (!this.allowList.allows(request.redirectTo())) {
			return Optional
				.of(Invalid.of("redirect_to", "is not on the redirect allow-list (KEEL_AUTH_REDIRECT_ALLOW_LIST)"));
		}
		if (request.codeChallengeMethod() != null && !"S256".equals(request.codeChallengeMethod())) {
			return Optional.of(Invalid.of("code_challenge_method", "must be S256"));
		}
		if (!Pkce.validChallenge(request.codeChallenge())) {
			return Optional.of(Invalid.of("code_challenge",
					"must be the S256 PKCE challenge (43 base64url characters) of the app's code_verifier"));
		}
		return Optional.empty();
	}

	@Override
	public LoginOutcome redeem(String email, String code) {
		if (email == null || code == null) {
			return new LoginOutcome.Rejected();
		}
		Optional<User> user = this.users.findByEmail(email).filter((found) -> !found.disabled());
		if (user.isEmpty() || !this.codes.redeem(user.get().id(), code)) {
			return new LoginOutcome.Rejected();
		}
		return new LoginOutcome.Authenticated(LoginService.principal(verified(user.get())));
	}

	/** Where a current link hands over to, without using it. */
	Optional<String> linkTarget(String token) {
		return this.codes.peekLink(token).map(Handoff::redirectTo).filter(this.allowList::allows);
	}

	/**
	 * Uses up the link (and the code of the same request), verifies the address and
	 * issues a handoff code for the app.
	 * @return where to send the browser: the app's redirect with the handoff code, or
	 * empty for a link that is unknown, used or expired, an account that is disabled or
	 * gone, or a redirect taken off the allow-list since
	 */
	Optional<String> signInWithLink(String token) {
		return this.codes.useLink(token)
			.filter((used) -> this.allowList.allows(used.handoff().redirectTo()))
			.flatMap((used) -> this.users.findById(used.userId())
				.filter((user) -> !user.disabled())
				.map((user) -> this.handoffs.issue(verified(user).id(), MAGIC_LINK, used.handoff().codeChallenge(),
						used.handoff().redirectTo()))
				.map((code) -> SignInHandoffs.redirectWithCode(used.handoff().redirectTo(), code)));
	}

	/** Only the address's owner could read the email: the address is verified. */
	private User verified(User user) {
		if (user.emailVerified()) {
			return user;
		}
		Update update = this.events.appendTo(new Update().set("emailVerified", true),
				EmailVerified.of(user.id(), user.email()));
		return this.users.update(user.id(), update).orElse(user);
	}

	private static String mailKey(User user) {
		return "mail:otp:" + User.normalize(user.email());
	}

}
