package dev.keel.auth.token;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditFact;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.audit.AuditMethod;
import dev.keel.auth.handoff.Pkce;
import dev.keel.auth.handoff.SignInHandoffs;
import dev.keel.auth.token.BasicAuthorization.Credentials;
import dev.keel.auth.token.GrantResult.ClientRefused;
import dev.keel.auth.token.GrantResult.Granted;
import dev.keel.auth.token.RefreshOutcome.Invalid;
import dev.keel.auth.token.RefreshOutcome.Refreshed;

import static dev.keel.auth.token.GrantResult.refused;
import static dev.keel.auth.token.OAuthError.INVALID_GRANT;
import static dev.keel.auth.token.OAuthError.INVALID_REQUEST;

/**
 * The grants of the token endpoint: {@code password} and {@code urn:keel:otp} (an emailed
 * code) start a session, {@code urn:keel:anonymous} creates an anonymous user and starts
 * their session, {@code refresh_token} continues one (for a user who is still active,
 * with their current roles), {@code authorization_code} exchanges the one-time code of a
 * browser sign-in (a magic link, an identity provider) with its PKCE verifier for a
 * session, {@code client_credentials} issues a service account an access token only, and
 * the RFC 8693 token exchange signs a user in with an identity provider's id_token.
 */
@Service
class TokenGrants {

	static final String ANONYMOUS_GRANT = "urn:keel:anonymous";

	/** Passwordless sign-in with an emailed code. */
	static final String OTP = "urn:keel:otp";

	static final String AUTHORIZATION_CODE = "authorization_code";

	/** RFC 8693: a provider's id_token for Keel's tokens. */
	static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";

	static final String ID_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:id_token";

	/** The second step of a sign-in: the mfa_token and a TOTP code. */
	static final String MFA_OTP = "urn:keel:mfa-otp";

	/** The second step of a sign-in: the mfa_token and a recovery code. */
	static final String MFA_RECOVERY = "urn:keel:mfa-recovery";

	private static final String MAGIC_LINK = "magic_link";

	private final PasswordLogin passwords;

	private final AnonymousSignup anonymous;

	private final AccountStatus accounts;

	private final ClientCredentialsLogin clients;

	private final OtpLogin otp;

	private final SignInHandoffs handoffs;

	private final IdTokenLogin idTokens;

	private final RefreshTokens refreshTokens;

	private final AccessTokens accessTokens;

	private final SecondFactors secondFactors;

	private final AuditLog audit;

	TokenGrants(PasswordLogin passwords, AnonymousSignup anonymous, AccountStatus accounts,
			ClientCredentialsLogin clients, OtpLogin otp, SignInHandoffs handoffs, IdTokenLogin idTokens,
			RefreshTokens refreshTokens, AccessTokens accessTokens, SecondFactors secondFactors, AuditLog audit) {
		this.secondFactors = secondFactors;
		this.audit = audit;
		this.handoffs = handoffs;
		this.passwords = passwords;
		this.anonymous = anonymous;
		this.accounts = accounts;
		this.clients = clients;
		this.otp = otp;
		this.idTokens = idTokens;
		this.refreshTokens = refreshTokens;
		this.accessTokens = accessTokens;
	}

	GrantResult grant(TokenRequest request) {
		String grantType = request.parameter("grant_type");
		if (grantType == null) {
			return refused(INVALID_REQUEST, "The grant_type parameter is missing.");
		}
		return switch (grantType) {
			case "password" -> password(request);
			case "refresh_token" -> refresh(request);
			case "client_credentials" -> clientCredentials(request);
			case ANONYMOUS_GRANT -> anonymous(request);
			case OTP -> otp(request);
			case AUTHORIZATION_CODE -> authorizationCode(request);
			case TOKEN_EXCHANGE -> tokenExchange(request);
			case MFA_OTP -> secondStep(request, false);
			case MFA_RECOVERY -> secondStep(request, true);
			default -> refused(OAuthError.UNSUPPORTED_GRANT_TYPE,
					"Supported grant types: password, refresh_token, client_credentials, " + AUTHORIZATION_CODE + ", "
							+ OTP + ", " + ANONYMOUS_GRANT + ", " + TOKEN_EXCHANGE + ", " + MFA_OTP + ", "
							+ MFA_RECOVERY + ".");
		};
	}

	private GrantResult password(TokenRequest request) {
		String username = request.parameter("username");
		String password = request.parameter("password");
		if (username == null || password == null) {
			return refused(INVALID_REQUEST, "The password grant needs the username (email) and password parameters.");
		}
		return switch (this.passwords.login(username, password)) {
			case LoginOutcome.Authenticated authenticated ->
				signIn(authenticated.principal(), "pwd", "password", request, null);
			case LoginOutcome.Rejected rejected -> refused(INVALID_GRANT, "The email or password is wrong.");
			case LoginOutcome.Throttled throttled -> new GrantResult.Throttled(throttled.retryAfter());
			case LoginOutcome.Busy busy -> new GrantResult.Unavailable(busy.retryAfter());
		};
	}

	private GrantResult anonymous(TokenRequest request) {
		return this.anonymous.signUpAnonymously()
			.map((user) -> recorded(session(user, List.of("anon"), "anonymous", request), user, AuditMethod.ANONYMOUS))
			.orElseGet(() -> refused(OAuthError.UNSUPPORTED_GRANT_TYPE, "Anonymous sign-ups are switched off."));
	}

	private GrantResult otp(TokenRequest request) {
		String email = request.parameter("email");
		String code = request.parameter("code");
		if (email == null || code == null) {
			return refused(INVALID_REQUEST, "The " + OTP + " grant needs the email and code parameters.");
		}
		return switch (this.otp.redeem(email, code)) {
			case LoginOutcome.Authenticated authenticated ->
				signIn(authenticated.principal(), "otp", "otp", request, AuditMethod.OTP);
			default -> failed(AuditMethod.OTP, "The code is wrong, used or expired; ask for a new one.");
		};
	}

	private GrantResult tokenExchange(TokenRequest request) {
		String provider = request.parameter("provider");
		String idToken = request.parameter("subject_token");
		if (provider == null || idToken == null || !ID_TOKEN_TYPE.equals(request.parameter("subject_token_type"))) {
			return refused(INVALID_REQUEST, "The token exchange needs provider, subject_token (the provider's "
					+ "id_token) and subject_token_type=" + ID_TOKEN_TYPE + ".");
		}
		return switch (this.idTokens.exchange(provider, idToken, request.parameter("nonce"))) {
			case IdTokenLogin.SignedIn signedIn ->
				exchanged(signIn(signedIn.principal(), "fed", "provider", request, AuditMethod.PROVIDER));
			case IdTokenLogin.Refused refused -> failed(AuditMethod.PROVIDER, refused.description());
			case IdTokenLogin.NotApplicable notApplicable -> refused(INVALID_REQUEST, notApplicable.description());
		};
	}

	private static GrantResult exchanged(GrantResult result) {
		return (result instanceof Granted granted) ? new Granted(granted.response().exchanged()) : result;
	}

	private GrantResult authorizationCode(TokenRequest request) {
		String code = request.parameter("code");
		String verifier = request.parameter("code_verifier");
		String redirectUri = request.parameter("redirect_uri");
		if (code == null || verifier == null) {
			return refused(INVALID_REQUEST, "The authorization_code grant needs the code and code_verifier "
					+ "parameters (and redirect_uri, when the app sends one, must be the redirect_to it used).");
		}
		if (!Pkce.validVerifier(verifier)) {
			return refused(INVALID_REQUEST,
					"The code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_' and '~' (RFC 7636).");
		}
		return this.handoffs.redeem(code, verifier, redirectUri)
			.flatMap((redeemed) -> this.accounts.activePrincipal(redeemed.userId())
				.map((user) -> signIn(user, MAGIC_LINK.equals(redeemed.method()) ? "otp" : "fed", redeemed.method(),
						request, AuditMethod.named(redeemed.method()).orElse(null))))
			.orElseGet(() -> refused(INVALID_GRANT, "The code is wrong, used or expired, or the code_verifier "
					+ "or redirect_uri does not match it; sign in again."));
	}

	/**
	 * A first step: tokens, or an mfa_token when the user has a second factor. A session
	 * is recorded in the audit log as a sign-in with {@code audited}, unless that is
	 * {@code null} (the password login records its own).
	 */
	private GrantResult signIn(Principal user, String amrValue, String method, TokenRequest request,
			AuditMethod audited) {
		List<String> amr = List.of(amrValue);
		return this.secondFactors.challenge(user.subject(), amr)
			.<GrantResult>map(GrantResult.MfaRequired::new)
			.orElseGet(() -> recorded(session(user, amr, method, request), user, audited));
	}

	/**
	 * Records a sign-in that produced a session, when its method is to be recorded here.
	 */
	private GrantResult recorded(GrantResult granted, Principal user, AuditMethod method) {
		if (method != null) {
			this.audit.record(AuditFact.signedIn(user.subject(), method));
		}
		return granted;
	}

	/** A refused sign-in for an account the grant does not know, recorded. */
	private GrantResult failed(AuditMethod method, String description) {
		this.audit.record(AuditFact.signInFailed(null, method));
		return refused(INVALID_GRANT, description);
	}

	private GrantResult secondStep(TokenRequest request, boolean recovery) {
		String mfaToken = request.parameter("mfa_token");
		String code = request.parameter("code");
		if (mfaToken == null || code == null) {
			return refused(INVALID_REQUEST, "The " + (recovery ? MFA_RECOVERY : MFA_OTP)
					+ " grant needs the mfa_token parameter (from the mfa_required answer) and code.");
		}
		return switch (this.secondFactors.complete(mfaToken, code, recovery)) {
			case SecondFactors.Completion.Refused refusal -> refused(INVALID_GRANT, refusal.description());
			case SecondFactors.Completion.Completed completed -> this.accounts.activePrincipal(completed.subject())
				.map((user) -> session(user, completed.amr(), methodOf(completed.amr()), request))
				.orElseGet(() -> refused(INVALID_GRANT, "The account is not active."));
		};
	}

	/**
	 * The session method of a sign-in completed with a second factor, from its first step
	 * (the challenge keeps the {@code amr} only, so a magic link shows as {@code otp} and
	 * a provider sign-in as {@code provider}).
	 */
	private static String methodOf(List<String> amr) {
		return switch (amr.isEmpty() ? "" : amr.getFirst()) {
			case "pwd" -> "password";
			case "otp" -> "otp";
			case "fed" -> "provider";
			case "anon" -> "anonymous";
			default -> "mfa";
		};
	}

	private GrantResult session(Principal user, List<String> amr, String method, TokenRequest request) {
		Refreshed session = this.refreshTokens.start(user.subject(), SessionOrigin.of(method, request.device()), amr);
		return new Granted(
				TokenResponse.bearer(this.accessTokens.issue(user, session.sessionId(), amr), session.refreshToken()));
	}

	private GrantResult refresh(TokenRequest request) {
		String token = request.parameter("refresh_token");
		if (token == null) {
			return refused(INVALID_REQUEST, "The refresh_token parameter is missing.");
		}
		return switch (this.refreshTokens.refresh(token)) {
			case Invalid invalid -> refused(INVALID_GRANT, invalid.description());
			case Refreshed refreshed -> continueSession(refreshed);
		};
	}

	private GrantResult continueSession(Refreshed refreshed) {
		Optional<Principal> user = this.accounts.activePrincipal(refreshed.subject());
		if (user.isEmpty()) {
			this.refreshTokens.revokeSession(refreshed.sessionId());
			return refused(INVALID_GRANT, "The refresh token is no longer valid: the account is not active.");
		}
		return new Granted(TokenResponse.bearer(
				this.accessTokens.issue(user.get(), refreshed.sessionId(), refreshed.amr()), refreshed.refreshToken()));
	}

	private GrantResult clientCredentials(TokenRequest request) {
		String bodyId = request.parameter("client_id");
		String bodySecret = request.parameter("client_secret");
		return switch (request.authorization()) {
			case BasicAuthorization.Malformed malformed ->
				new ClientRefused("The Authorization header is not valid HTTP Basic client credentials.", true);
			case Credentials basic when bodyId != null || bodySecret != null -> refused(INVALID_REQUEST,
					"Send the client credentials in the Authorization header or in the body, not in both.");
			case Credentials basic -> authenticateClient(basic.clientId(), basic.clientSecret(), true);
			case BasicAuthorization.None none when bodyId == null || bodySecret == null ->
				new ClientRefused("Client authentication failed: send client_id and client_secret.", false);
			case BasicAuthorization.None none -> authenticateClient(bodyId, bodySecret, false);
		};
	}

	private GrantResult authenticateClient(String clientId, String secret, boolean basic) {
		return this.clients.authenticate(clientId, secret).<GrantResult>map((client) -> {
			Granted granted = new Granted(TokenResponse.bearer(this.accessTokens.issue(client, null, List.of()), null));
			this.audit.record(AuditFact.signedIn(client.subject(), AuditMethod.CLIENT_SECRET));
			return granted;
		}).orElseGet(() -> {
			this.audit.record(AuditFact.signInFailed(null, AuditMethod.CLIENT_SECRET));
			return new ClientRefused("Client authentication failed: unknown client or wrong secret.", basic);
		});
	}

}
