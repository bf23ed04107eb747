package dev.keel.auth.user;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing up, and the caller's own profile and password; an anonymous caller's upgrade.
 */
@RestController
@RequestMapping("/api/auth")
class UserController {

	private final UserService users;

	private final AnonymousUsers anonymous;

	UserController(UserService users, AnonymousUsers anonymous) {
		this.users = users;
		this.anonymous = anonymous;
	}

	@PostMapping("/signup")
	ResponseEntity<UserView> signup(@Valid @RequestBody UserRequests.Signup request) {
		User user = Responses.user(this.users.signup(request));
		return ResponseEntity.created(URI.create("/api/auth/admin/users/" + user.id())).body(UserView.of(user));
	}

	@GetMapping("/me")
	UserView me(@AuthenticationPrincipal Jwt caller) {
		return UserView.of(this.users.find(caller.getSubject()).orElseThrow(Responses::userGone));
	}

	@PatchMapping("/me")
	UserView updateProfile(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody UserRequests.ProfileUpdate update) {
		return UserView.of(Responses.user(this.users.updateProfile(caller.getSubject(), update)));
	}

	/**
	 * An anonymous caller sets an email and a password, keeping their id: 200 with the
	 * upgraded user, 409 {@code email_taken} or {@code not_anonymous}.
	 */
	@PostMapping("/me/upgrade")
	UserView upgrade(@AuthenticationPrincipal Jwt caller, @Valid @RequestBody UserRequests.Upgrade request) {
		return UserView.of(Responses.user(this.anonymous.upgrade(caller.getSubject(), request)));
	}

	@PostMapping("/me/password")
	ResponseEntity<Void> changePassword(@AuthenticationPrincipal Jwt caller,
			@Valid @RequestBody UserRequests.PasswordChange change) {
		Responses.user(this.users.changePassword(caller.getSubject(), caller.getClaimAsString("sid"), change));
		return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
	}

}
