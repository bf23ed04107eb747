package dev.keel.gateway.account;

import reactor.core.publisher.Mono;

import dev.keel.gateway.account.AuthReply.Accepted;
import dev.keel.gateway.account.AuthReply.Busy;
import dev.keel.gateway.account.AuthReply.Rejected;
import dev.keel.gateway.account.AuthReply.Unavailable;
import dev.keel.gateway.account.Html.Fragment;
import dev.keel.gateway.request.RequestIds;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /account/verify-email}, opened from the "Confirm your email address" email: the
 * GET shows a button, the POST it sends redeems the token.
 */
@Component
class EmailVerificationPages {

	static final String PATH = "/account/verify-email";

	private static final String FORM = """
			<p>Confirm that this address is yours to finish setting up your account.</p>
			<form method="post" action="/account/verify-email">
			<input type="hidden" name="token" value="%s">
			<button type="submit">Confirm my email address</button>
			</form>
			""";

	private static final Fragment CONFIRMED = Html.fill("""
			<p>Thank you. You can close this page and go back to the app.</p>
			""");

	private static final Fragment UNUSABLE = Html.fill("""
			<p>This link is invalid, has already been used or has expired: each link works once,
			for 24 hours.</p>
			<p>If you have already confirmed your address, there is nothing more to do. Otherwise,
			sign in to the app and ask for a new confirmation email.</p>
			""");

	private final AuthClient auth;

	private final FormReader forms;

	private final Pages pages;

	EmailVerificationPages(AuthClient auth, FormReader forms, Pages pages) {
		this.auth = auth;
		this.forms = forms;
		this.pages = pages;
	}

	Mono<ServerResponse> show(ServerRequest request) {
		return LinkTokens.of(request.queryParam("token").orElse(null))
			.map((token) -> this.pages.render(HttpStatus.OK, "Confirm your email address", Html.fill(FORM, token)))
			.orElseGet(this.pages::brokenLink);
	}

	Mono<ServerResponse> submit(ServerRequest request) {
		return this.forms.submit(request, (form) -> LinkTokens.of(form.get("token"))
			.map((token) -> this.auth.verifyEmail(token, RequestIds.of(request.exchange())).flatMap(this::answer))
			.orElseGet(this.pages::brokenLink));
	}

	private Mono<ServerResponse> answer(AuthReply reply) {
		return switch (reply) {
			case Accepted accepted -> this.pages.render(HttpStatus.OK, "Your email address is confirmed", CONFIRMED);
			case Rejected rejected ->
				this.pages.render(HttpStatus.BAD_REQUEST, "This link can no longer be used", UNUSABLE);
			case Busy busy -> this.pages.busy(busy.retryAfter());
			case Unavailable unavailable -> this.pages.unavailable();
		};
	}

}
