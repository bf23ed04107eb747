package dev.keel.gateway.account;

import reactor.core.publisher.Mono;

import dev.keel.gateway.account.AuthReply.Accepted;
import dev.keel.gateway.account.AuthReply.Busy;
import dev.keel.gateway.account.AuthReply.Rejected;
import dev.keel.gateway.account.AuthReply.Unavailable;
import dev.keel.gateway.account.FormReader.Form;
import dev.keel.gateway.account.Html.Fragment;
import dev.keel.gateway.request.RequestIds;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code /account/reset-password}, opened from the "Reset your password" email: the GET
 * shows the new-password form, the POST sets the password. A refused password shows the
 * form again; auth-service checks the password before it spends the token, so the link
 * still works for the next try.
 */
@Component
class PasswordResetPages {

	static final String PATH = "/account/reset-password";

	private static final String TITLE = "Choose a new password";

	private static final String FORM = """
			<form method="post" action="/account/reset-password">
			<input type="hidden" name="token" value="%s">
			<p class="error">%s</p>
			<label for="password">New password</label>
			<input type="password" id="password" name="password" required minlength="8" maxlength="128"
			  autocomplete="new-password">
			<label for="confirm">Repeat the new password</label>
			<input type="password" id="confirm" name="confirm" required minlength="8" maxlength="128"
			  autocomplete="new-password">
			<button type="submit">Set my new password</button>
			</form>
			""";

	private static final Fragment CHANGED = Html.fill("""
			<p>You can now sign in with your new password. For your safety, every device that was
			signed in to your account has been signed out.</p>
			""");

	private static final Fragment UNUSABLE = Html.fill("""
			<p>This link is invalid, has already been used or has expired: each link works once,
			for one hour. Your password has not been changed.</p>
			<p><a href="/account/forgot-password">Ask for a new link</a></p>
			""");

	private final AuthClient auth;

	private final FormReader forms;

	private final Pages pages;

	PasswordResetPages(AuthClient auth, FormReader forms, Pages pages) {
		this.auth = auth;
		this.forms = forms;
		this.pages = pages;
	}

	Mono<ServerResponse> show(ServerRequest request) {
		return LinkTokens.of(request.queryParam("token").orElse(null))
			.map((token) -> this.pages.render(HttpStatus.OK, TITLE, Html.fill(FORM, token, "")))
			.orElseGet(this.pages::brokenLink);
	}

	Mono<ServerResponse> submit(ServerRequest request) {
		return this.forms.submit(request,
				(form) -> LinkTokens.of(form.get("token"))
					.map((token) -> reset(token, form, request))
					.orElseGet(this.pages::brokenLink));
	}

	private Mono<ServerResponse> reset(String token, Form form, ServerRequest request) {
		String password = form.get("password");
		if (!password.equals(form.get("confirm"))) {
			return formAgain(token, "The two passwords do not match.");
		}
		return this.auth.resetPassword(token, password, RequestIds.of(request.exchange()))
			.flatMap((reply) -> answer(reply, token));
	}

	private Mono<ServerResponse> answer(AuthReply reply, String token) {
		return switch (reply) {
			case Accepted accepted -> this.pages.render(HttpStatus.OK, "Your password has been changed", CHANGED);
			case Rejected rejected -> rejected.problem()
				.errorOf("newPassword")
				.map((message) -> formAgain(token, "The new password " + message + "."))
				.orElseGet(
						() -> this.pages.render(HttpStatus.BAD_REQUEST, "This link can no longer be used", UNUSABLE));
			case Busy busy -> this.pages.busy(busy.retryAfter());
			case Unavailable unavailable -> this.pages.unavailable();
		};
	}

	private Mono<ServerResponse> formAgain(String token, String error) {
		return this.pages.render(HttpStatus.BAD_REQUEST, TITLE, Html.fill(FORM, token, error));
	}

}
