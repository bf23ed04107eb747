package dev.keel.auth.user;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.auth.user.Outcomes.Invalid;
import dev.keel.auth.user.Outcomes.Page;

/** Admin management of users. */
@RestController
@RequestMapping("/api/auth/admin/users")
@PreAuthorize("hasRole('admin')")
class AdminUserController {

	private final AdminUserService admin;

	private final AnonymousUsers anonymous;

	AdminUserController(AdminUserService admin, AnonymousUsers anonymous) {
		this.admin = admin;
		this.anonymous = anonymous;
	}

	/** How many users a removal removed. */
	record RemovedUsers(long removed) {
	}

	@GetMapping
	Page list(@RequestParam(required = false) String email, @RequestParam(defaultValue = "20") int limit,
			@RequestParam(required = false) String cursor) {
		return switch (this.admin.list(email, limit, cursor)) {
			case Page page -> page;
			case Invalid invalid -> throw Responses.invalid(invalid);
		};
	}

	/**
	 * Removes anonymous users (never upgraded) created more than {@code olderThanDays}
	 * ago.
	 */
	@DeleteMapping("/anonymous")
	RemovedUsers removeStaleAnonymous(@RequestParam @Min(1) @Max(3650) int olderThanDays) {
		return new RemovedUsers(this.anonymous.removeStale(Duration.ofDays(olderThanDays)));
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable String id) {
		return UserView.of(this.admin.find(id).orElseThrow(Responses::userGone));
	}

	@PatchMapping("/{id}")
	UserView update(@PathVariable String id, @Valid @RequestBody UserRequests.AdminUpdate request) {
		return UserView.of(Responses.user(this.admin.update(id, request)));
	}

}
