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
 * {@code /account/forgot-password}, linked from the "Your password was changed" email and
 * from the reset page: asks for a reset link. The answer is the same whether or not an
 * account has the address, as the API's is.
 */
@Component
class ForgotPasswordPages {

	static final String PATH = "/account/forgot-password";

	private static final String TITLE = "Reset your password";

	private static final String FORM = """
			<p>Enter the email address of your account, and we will send you a link to choose a new
			password.</p>
			<form method="post" action="/account/forgot-password">
			<p class="error">%s</p>
			<label for="email">Email address</label>
			<input type="email" id="email" name="email" value="%s" required autocomplete="email">
			<button type="submit">Send me a link</button>
			</form>
			""";

	private static final Fragment SENT = Html.fill("""
			<p>If an account exists for that address, we sent a link to it. The link works once and
			expires soon; if nothing arrives within a few minutes, check your spam folder or ask
			again.</p>
			""");

	private final AuthClient auth;

	private final FormReader forms;

	private final Pages pages;

	ForgotPasswordPages(AuthClient auth, FormReader forms, Pages pages) {
		this.auth = auth;
		this.forms = forms;
		this.pages = pages;
	}

	Mono<ServerResponse> show(ServerRequest request) {
		return this.pages.render(HttpStatus.OK, TITLE, Html.fill(FORM, "", ""));
	}

	Mono<ServerResponse> submit(ServerRequest request) {
		return this.forms.submit(request, (form) -> {
			String email = form.get("email").strip();
			if (email.isEmpty()) {
				return formAgain("Enter your email address.", email);
			}
			return this.auth.forgotPassword(email, RequestIds.of(request.exchange()))
				.flatMap((reply) -> answer(reply, email));
		});
	}

	private Mono<ServerResponse> answer(AuthReply reply, String email) {
		return switch (reply) {
			case Accepted accepted -> this.pages.render(HttpStatus.OK, "Check your email", SENT);
			// Only the address itself can be refused (too long, malformed): nothing about
			// whether an account has it.
			case Rejected rejected -> formAgain("Enter a valid email address.", email);
			case Busy busy -> this.pages.busy(busy.retryAfter());
			case Unavailable unavailable -> this.pages.unavailable();
		};
	}

	private Mono<ServerResponse> formAgain(String error, String email) {
		return this.pages.render(HttpStatus.BAD_REQUEST, TITLE, Html.fill(FORM, error, email));
	}

}
