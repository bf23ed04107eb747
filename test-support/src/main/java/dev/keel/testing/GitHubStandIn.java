package dev.keel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

import static dev.keel.testing.StandInHttp.decode;
import static dev.keel.testing.StandInHttp.encode;
import static dev.keel.testing.StandInHttp.escape;
import static dev.keel.testing.StandInHttp.form;
import static dev.keel.testing.StandInHttp.parameters;
import static dev.keel.testing.StandInHttp.s256;
import static dev.keel.testing.StandInHttp.send;
import static dev.keel.testing.StandInHttp.token;

/**
 * A local stand-in of GitHub's OAuth2 web flow and of the two REST endpoints a sign-in
 * reads, as a real HTTP server on the loopback address, answering as GitHub documents
 * (docs.github.com: "Authorizing OAuth apps", "Users", "Emails"):
 * <ul>
 * <li>{@code GET /login/oauth/authorize}: a login page whose form the test submits as a
 * browser would, picking a user by login; then a 302 to {@code redirect_uri} with
 * {@code code} and {@code state}. A PKCE S256 challenge is required.</li>
 * <li>{@code POST /login/oauth/access_token}: checks the client id and secret (form or
 * HTTP Basic), the code (single use), the redirect_uri and the PKCE verifier; answers
 * JSON when asked for it (otherwise form-encoded, as GitHub does), and errors such as
 * {@code bad_verification_code} with HTTP 200, as GitHub does.</li>
 * <li>{@code GET /user}, {@code GET /user/emails}: need {@code Authorization: Bearer} (or
 * {@code token}) with an issued access token; {@code id} is a number.</li>
 * </ul>
 */
public final class GitHubStandIn implements AutoCloseable {

	/** A GitHub email address as {@code /user/emails} lists it. */
	public record Email(String email, boolean primary, boolean verified) {
	}

	/** A GitHub user: the numeric id is stable, the login can change. */
	public record User(long id, String login, String name, List<Email> emails) {
	}

	private record Grant(long userId, String redirectUri, String codeChallenge, String scope) {
	}

	private record Answer(int status, String body) {
	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpServer server;

	private final String clientId;

	private final String clientSecret;

	private final Map<String, User> users = new ConcurrentHashMap<>();

	private final Map<String, Grant> codes = new ConcurrentHashMap<>();

	private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();

	private final AtomicReference<Answer> nextUserAnswer = new AtomicReference<>();

	private GitHubStandIn(HttpServer server, String clientId, String clientSecret) {
		this.server = server;
		this.clientId = clientId;
		this.clientSecret = clientSecret;
		server.createContext("/login/oauth/authorize", this::authorize);
		server.createContext("/login/oauth/access_token", this::accessToken);
		server.createContext("/user", this::api);
	}

	/**
	 * Starts the stand-in on the loopback address.
	 * @param port the port, or 0 for any free one
	 * @param clientId the OAuth app's client id
	 * @param clientSecret its client secret
	 */
	public static GitHubStandIn start(int port, String clientId, String clientSecret) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
			GitHubStandIn standIn = new GitHubStandIn(server, clientId, clientSecret);
			server.start();
			return standIn;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Where the web flow's pages are, as {@code https://github.com} is for GitHub. */
	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	public String authorizationUrl() {
		return url() + "/login/oauth/authorize";
	}

	public String tokenUrl() {
		return url() + "/login/oauth/access_token";
	}

	/** The REST API's root, as {@code https://api.github.com} is for GitHub. */
	public String apiUrl() {
		return url();
	}

	/** Adds a user, or changes the one with the same id (a new login, new emails). */
	public void put(User user) {
		this.users.values().removeIf((existing) -> existing.id() == user.id());
		this.users.put(user.login(), user);
	}

	/**
	 * The next {@code /user} or {@code /user/emails} request gets this answer instead.
	 */
	public void answerNextApiCallWith(int status, String body) {
		this.nextUserAnswer.set(new Answer(status, body));
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void authorize(HttpExchange exchange) throws IOException {
		Map<String, String> query = ("POST".equals(exchange.getRequestMethod())) ? form(exchange)
				: parameters(exchange.getRequestURI().getRawQuery());
		if (!this.clientId.equals(query.get("client_id")) || query.get("redirect_uri") == null) {
			send(exchange, 404, "text/html", "<p>Not Found: unknown client_id or no redirect_uri.</p>");
			return;
		}
		if (!"S256".equals(query.get("code_challenge_method")) || query.get("code_challenge") == null) {
			send(exchange, 400, "text/html", "<p>This stand-in expects a PKCE S256 code_challenge.</p>");
			return;
		}
		if ("GET".equals(exchange.getRequestMethod())) {
			send(exchange, 200, "text/html; charset=utf-8", loginPage(query));
			return;
		}
		User user = this.users.get(String.valueOf(query.get("login")));
		if (user == null) {
			send(exchange, 200, "text/html; charset=utf-8", loginPage(query));
			return;
		}
		String code = token();
		this.codes.put(code,
				new Grant(user.id(), query.get("redirect_uri"), query.get("code_challenge"), query.get("scope")));
		String state = query.get("state");
		String location = query.get("redirect_uri") + (query.get("redirect_uri").contains("?") ? "&" : "?") + "code="
				+ encode(code) + ((state != null) ? "&state=" + encode(state) : "");
		exchange.getResponseHeaders().set("Location", location);
		send(exchange, 302, "text/html", "");
	}

	private String loginPage(Map<String, String> query) {
		StringBuilder html = new StringBuilder(
				"<!DOCTYPE html><html><head><title>Sign in to GitHub</title></head><body>"
						+ "<h1>Sign in to GitHub</h1><form method=\"post\" action=\"/login/oauth/authorize\">");
		for (String name : List.of("client_id", "redirect_uri", "scope", "state", "code_challenge",
				"code_challenge_method")) {
			if (query.get(name) != null) {
				html.append("<input type=\"hidden\" name=\"")
					.append(name)
					.append("\" value=\"")
					.append(escape(query.get(name)))
					.append("\">");
			}
		}
		return html.append("<label>Username <input type=\"text\" name=\"login\"></label>")
			.append("<button type=\"submit\">Sign in</button></form></body></html>")
			.toString();
	}

	private void accessToken(HttpExchange exchange) throws IOException {
		Map<String, String> form = form(exchange);
		Map<String, String> client = clientCredentials(exchange, form);
		Map<String, Object> answer;
		if (!this.clientId.equals(client.get("client_id")) || !this.clientSecret.equals(client.get("client_secret"))) {
			answer = error("incorrect_client_credentials", "The client_id and/or client_secret passed are incorrect.");
		}
		else {
			answer = redeem(form);
		}
		String accept = exchange.getRequestHeaders().getFirst("Accept");
		if (accept != null && accept.contains("json")) {
			send(exchange, 200, "application/json; charset=utf-8", json.writeValueAsString(answer));
		}
		else {
			StringBuilder body = new StringBuilder();
			answer.forEach((key, value) -> body.append((body.length() > 0) ? "&" : "")
				.append(key)
				.append('=')
				.append(encode(String.valueOf(value))));
			send(exchange, 200, "application/x-www-form-urlencoded; charset=utf-8", body.toString());
		}
	}

	private Map<String, Object> redeem(Map<String, String> form) {
		Grant grant = (form.get("code") != null) ? this.codes.remove(form.get("code")) : null;
		if (grant == null) {
			return error("bad_verification_code", "The code passed is incorrect or expired.");
		}
		if (form.get("redirect_uri") != null && !grant.redirectUri().equals(form.get("redirect_uri"))) {
			return error("redirect_uri_mismatch", "The redirect_uri MUST match the registered callback URL.");
		}
		String verifier = form.get("code_verifier");
		if (verifier == null || !grant.codeChallenge().equals(s256(verifier))) {
			return error("bad_verification_code", "The code_verifier does not match the code_challenge.");
		}
		String accessToken = "gho_" + token();
		this.accessTokens.put(accessToken, grant.userId());
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("access_token", accessToken);
		answer.put("token_type", "bearer");
		answer.put("scope", (grant.scope() != null) ? grant.scope().replace(' ', ',') : "");
		return answer;
	}

	private void api(HttpExchange exchange) throws IOException {
		Answer override = this.nextUserAnswer.getAndSet(null);
		if (override != null) {
			send(exchange, override.status(), "application/json; charset=utf-8", override.body());
			return;
		}
		User user = bearer(exchange);
		String path = exchange.getRequestURI().getPath();
		if (user == null) {
			send(exchange, 401, "application/json; charset=utf-8", "{\"message\":\"Bad credentials\","
					+ "\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
		}
		else if ("/user".equals(path)) {
			send(exchange, 200, "application/json; charset=utf-8", json.writeValueAsString(profile(user)));
		}
		else if ("/user/emails".equals(path)) {
			List<Map<String, Object>> emails = user.emails()
				.stream()
				.map((email) -> Map.<String, Object>of("email", email.email(), "primary", email.primary(), "verified",
						email.verified(), "visibility", email.primary() ? "public" : "private"))
				.toList();
			send(exchange, 200, "application/json; charset=utf-8", json.writeValueAsString(emails));
		}
		else {
			send(exchange, 404, "application/json; charset=utf-8", "{\"message\":\"Not Found\"}");
		}
	}

	private static Map<String, Object> profile(User user) {
		Map<String, Object> profile = new LinkedHashMap<>();
		profile.put("login", user.login());
		profile.put("id", user.id());
		profile.put("node_id", "U_" + Long.toString(user.id(), 36));
		profile.put("avatar_url", "https://avatars.githubusercontent.com/u/" + user.id());
		profile.put("type", "User");
		profile.put("site_admin", false);
		profile.put("name", user.name());
		profile.put("email", null);
		return profile;
	}

	private User bearer(HttpExchange exchange) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization == null) {
			return null;
		}
		String[] parts = authorization.split(" ", 2);
		if (parts.length != 2 || !(parts[0].equalsIgnoreCase("bearer") || parts[0].equalsIgnoreCase("token"))) {
			return null;
		}
		Long id = this.accessTokens.get(parts[1].trim());
		return (id != null) ? this.users.values().stream().filter((user) -> user.id() == id).findFirst().orElse(null)
				: null;
	}

	private static Map<String, String> clientCredentials(HttpExchange exchange, Map<String, String> form) {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			String[] pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8)
				.split(":", 2);
			return Map.of("client_id", decode(pair[0]), "client_secret", (pair.length > 1) ? decode(pair[1]) : "");
		}
		Map<String, String> credentials = new LinkedHashMap<>();
		credentials.put("client_id", form.get("client_id"));
		credentials.put("client_secret", form.get("client_secret"));
		return credentials;
	}

	private static Map<String, Object> error(String error, String description) {
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("error", error);
		answer.put("error_description", description);
		answer.put("error_uri", "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access"
				+ "-token-request-errors");
		return answer;
	}

}
