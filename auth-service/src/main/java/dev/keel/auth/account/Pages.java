package dev.keel.auth.account;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.keel.auth.account.Html.Fragment;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes the account pages, with the headers every one of them carries, and the pages
 * they share: a broken link, an outage, too many attempts, an unreadable form.
 */
@Component
class Pages {

	// No script, no external resources, no framing; forms post only back here. The
	// token is in the URL: no Referer may carry it away, and no cache may keep it.
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

	private static final Pattern SOURCE = Pattern
		.compile("[A-Za-z][A-Za-z0-9+.-]*:(//[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|//\\[[0-9A-Fa-f:.]+\\](:[0-9]{1,5})?)?");

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final Fragment BROKEN_LINK = Html.fill("""
			<p>The link you followed is incomplete. Open it again from the email, or copy the whole
			address from the email into your browser.</p>
			""");

	private static final Fragment UNAVAILABLE = Html.fill("""
			<p>We could not complete this right now. Nothing was changed: please try again in a
			few moments, using the same link.</p>
			""");

	private static final Fragment BUSY = Html.fill("""
			<p>There were too many attempts from your network. Please wait a few minutes, then
			try again.</p>
			""");

	private static final Fragment TOO_LARGE = Html.fill("<p>The form you sent is too large.</p>");

	private static final Fragment UNSUPPORTED = Html.fill("<p>This page accepts only its own form.</p>");

	private final AccountPageSettings settings;

	Pages(AccountPageSettings settings) {
		this.settings = settings;
	}

	ResponseEntity<String> render(HttpStatus status, String title, Fragment content) {
		return page(status, new HttpHeaders(), title, content);
	}

	/**
	 * A page whose form may end in a redirect to another origin: browsers hold the
	 * redirect after a form submission to {@code form-action} too.
	 * @param formTarget a CSP source expression ({@code https://app.example.com},
	 * {@code com.example.app:}) that {@link #sourceOf} made
	 */
	ResponseEntity<String> renderWithFormTarget(HttpStatus status, String title, Fragment content, String formTarget) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Content-Security-Policy",
				CONTENT_SECURITY_POLICY.replace("form-action 'self'", "form-action 'self' " + formTarget));
		return page(status, headers, title, content);
	}

	/**
	 * The CSP source expression of a URL's origin, or empty when it cannot be written
	 * safely as one.
	 */
	static Optional<String> sourceOf(String url) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
		String source = (uri.getRawAuthority() != null) ? uri.getScheme() + "://" + uri.getRawAuthority()
				: uri.getScheme() + ":";
		return SOURCE.matcher(source).matches() ? Optional.of(source) : Optional.empty();
	}

	ResponseEntity<String> brokenLink() {
		return render(HttpStatus.BAD_REQUEST, "This link is incomplete", BROKEN_LINK);
	}

	ResponseEntity<String> unavailable() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, this.settings.retryAfterSeconds());
		return page(HttpStatus.SERVICE_UNAVAILABLE, headers, "Please try again shortly", UNAVAILABLE);
	}

	ResponseEntity<String> busy(Duration retryAfter) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
		return page(HttpStatus.TOO_MANY_REQUESTS, headers, "Too many attempts", BUSY);
	}

	ResponseEntity<String> formTooLarge() {
		return render(HttpStatus.CONTENT_TOO_LARGE, "Form too large", TOO_LARGE);
	}

	ResponseEntity<String> unsupportedForm() {
		return render(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported form", UNSUPPORTED);
	}

	ResponseEntity<String> malformedForm() {
		return render(HttpStatus.BAD_REQUEST, "Unsupported form", UNSUPPORTED);
	}

	ResponseEntity<String> seeOther(String location) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.LOCATION, location);
		return page(HttpStatus.SEE_OTHER, headers, "Signed in", Html.fill("<p>Signed in: back to the app.</p>"));
	}

	private static ResponseEntity<String> page(HttpStatus status, HttpHeaders headers, String title, Fragment content) {
		if (!headers.containsHeader("Content-Security-Policy")) {
			headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		}
		headers.set("Referrer-Policy", "no-referrer");
		headers.setCacheControl(CacheControl.noStore());
		headers.set("X-Content-Type-Options", "nosniff");
		return ResponseEntity.status(status).contentType(HTML).headers(headers).body(Html.page(title, content));
	}

}
