package dev.keel.auth.provider;

import java.net.URI;
import java.time.Duration;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in with a provider in the browser: {@code /authorize} sends the browser to the
 * provider, {@code /callback/{provider}} brings it back to the app's {@code redirect_to}
 * with a one-time code; and starting a link for the signed-in caller.
 * <p>
 * The flow is tied to the browser that started it by an HttpOnly cookie, so a callback
 * URL someone else's browser completes (login CSRF) finds no flow. The cookie is
 * {@code SameSite=Lax}: the provider sends the browser back with a cross-site top-level
 * GET, on which {@code Strict} cookies are not sent; {@code Lax} ones are, and no other
 * cross-site request carries it. It is scoped to the callback path and lives as long as a
 * flow.
 */
@RestController
@RequestMapping("/api/auth")
class ProviderController {

	static final String BROWSER_COOKIE = "keel_sign_in";

	private static final String COOKIE_PATH = "/api/auth/callback/";

	private final ProviderSignIn signIn;

	private final ProviderProperties properties;

	ProviderController(ProviderSignIn signIn, ProviderProperties properties) {
		this.signIn = signIn;
		this.properties = properties;
	}

	@GetMapping(path = "/authorize", params = "!flow")
	@Operation(summary = "Sign in with an identity provider (browser)",
			description = "302 to the provider. redirect_to must be on KEEL_AUTH_REDIRECT_ALLOW_LIST; "
					+ "the app later exchanges the code it receives there with grant_type=authorization_code.")
	@ApiResponse(responseCode = "302", description = "To the provider's sign-in")
	@ApiResponse(responseCode = "400",
			description = "redirect_not_allowed, unknown_provider or invalid_code_challenge (problem+json)")
	ResponseEntity<Void> authorize(@RequestParam String provider, @RequestParam("redirect_to") String redirectTo,
			@RequestParam("code_challenge") String codeChallenge,
			@RequestParam(name = "code_challenge_method", defaultValue = "S256") String codeChallengeMethod) {
		return redirect(this.signIn.start(provider, redirectTo, codeChallenge, codeChallengeMethod));
	}

	@GetMapping(path = "/authorize", params = "flow")
	@Operation(summary = "Continue linking a provider in the browser",
			description = "The authorizationUrl of POST /api/auth/me/identities: 302 to the provider.")
	ResponseEntity<Void> continueLink(@Parameter(description = "from authorizationUrl") @RequestParam String flow) {
		return redirect(this.signIn.open(flow));
	}

	@GetMapping("/callback/{provider}")
	@Operation(summary = "Where the provider sends the browser back",
			description = "302 to the flow's redirect_to with ?code=... (one-time, 2 minutes) or "
					+ "?error=...&error_description=...")
	@ApiResponse(responseCode = "302", description = "To redirect_to")
	@ApiResponse(responseCode = "400",
			description = "invalid_state: unknown, used, expired or started in another browser")
	ResponseEntity<Void> callback(@PathVariable String provider, @RequestParam(required = false) String code,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			@CookieValue(name = BROWSER_COOKIE, required = false) String browser) {
		URI location = this.signIn.complete(provider, new ProviderSignIn.Callback(code, state, error), browser);
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(location)
			.cacheControl(CacheControl.noStore())
			.header(HttpHeaders.SET_COOKIE, cookie("", Duration.ZERO).toString())
			.build();
	}

	@PostMapping("/me/identities")
	@Operation(summary = "Start linking a provider to the caller",
			description = "201 with authorizationUrl, which the app opens in the browser; the callback links "
					+ "the provider's identity to the caller and redirects to redirect_to with a code.")
	ResponseEntity<LinkStarted> link(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody LinkRequest request) {
		URI url = this.signIn.startLink(caller.getSubject(), request.provider(), request.redirectTo(),
				request.codeChallenge());
		return ResponseEntity.status(HttpStatus.CREATED)
			.cacheControl(CacheControl.noStore())
			.body(new LinkStarted(url));
	}

	/**
	 * @param provider the provider's id
	 * @param redirectTo where the browser goes afterwards (on the allow-list)
	 * @param codeChallenge the app's S256 PKCE challenge for the code it gets there
	 */
	record LinkRequest(@NotBlank String provider, @NotBlank @JsonProperty("redirect_to") String redirectTo,
			@NotBlank @JsonProperty("code_challenge") String codeChallenge) {
	}

	/**
	 * @param authorizationUrl what the app opens in the browser
	 */
	record LinkStarted(URI authorizationUrl) {
	}

	private ResponseEntity<Void> redirect(ProviderSignIn.Redirect redirect) {
		ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.FOUND)
			.location(redirect.location())
			.cacheControl(CacheControl.noStore());
		if (redirect.browser() != null) {
			response.header(HttpHeaders.SET_COOKIE,
					cookie(redirect.browser(), this.properties.flowLifetime()).toString());
		}
		return response.build();
	}

	private ResponseCookie cookie(String value, Duration maxAge) {
		return ResponseCookie.from(BROWSER_COOKIE, value)
			.httpOnly(true)
			.secure(this.properties.appUrl().startsWith("https:"))
			.sameSite("Lax")
			.path(COOKIE_PATH)
			.maxAge(maxAge)
			.build();
	}

}
