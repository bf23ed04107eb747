package dev.keel.gateway.account;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.keel.gateway.account.Html.Fragment;
import dev.keel.gateway.config.GatewaySettings;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;

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

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private static final Pattern SECONDS = Pattern.compile("[0-9]{1,6}");

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

	private final GatewaySettings settings;

	Pages(GatewaySettings settings) {
		this.settings = settings;
	}

	Mono<ServerResponse> render(HttpStatus status, String title, Fragment content) {
		return ServerResponse.status(status)
			.contentType(HTML)
			.headers(Pages::secure)
			.bodyValue(Html.page(title, content));
	}

	Mono<ServerResponse> brokenLink() {
		return render(HttpStatus.BAD_REQUEST, "This link is incomplete", BROKEN_LINK);
	}

	Mono<ServerResponse> unavailable() {
		return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
			.contentType(HTML)
			.headers(Pages::secure)
			.header(HttpHeaders.RETRY_AFTER, this.settings.retryAfterSeconds())
			.bodyValue(Html.page("Please try again shortly", UNAVAILABLE));
	}

	Mono<ServerResponse> busy(@Nullable String retryAfter) {
		return ServerResponse.status(HttpStatus.TOO_MANY_REQUESTS)
			.contentType(HTML)
			.headers(Pages::secure)
			.headers((headers) -> {
				if (retryAfter != null && SECONDS.matcher(retryAfter).matches()) {
					headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
				}
			})
			.bodyValue(Html.page("Too many attempts", BUSY));
	}

	/**
	 * The page for a form that could not be read.
	 * @param ex why: too large, or not a form
	 * @return the page
	 */
	Mono<ServerResponse> unreadableForm(Throwable ex) {
		if (ex instanceof DataBufferLimitException) {
			return render(HttpStatus.CONTENT_TOO_LARGE, "Form too large", TOO_LARGE);
		}
		return render(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported form", UNSUPPORTED);
	}

	private static void secure(HttpHeaders headers) {
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("Referrer-Policy", "no-referrer");
		headers.setCacheControl(CacheControl.noStore());
		headers.set("X-Content-Type-Options", "nosniff");
	}

}
