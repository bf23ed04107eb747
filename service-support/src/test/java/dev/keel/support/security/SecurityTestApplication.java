package dev.keel.support.security;

import java.util.Optional;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tiny service with public, authenticated and admin-only endpoints. It imports its
 * controller rather than scanning, which would pick up the main code's configuration
 * classes in this package as if they were the application's.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SecurityTestApplication.TestController.class)
class SecurityTestApplication {

	record Greeting(String text) {
	}

	@RestController
	static class TestController {

		@GetMapping("/public/hello")
		Greeting hello(Optional<CurrentCaller> caller) {
			return new Greeting("hello " + caller.map(CurrentCaller::subject).orElse("stranger"));
		}

		@GetMapping("/catalog")
		Greeting catalog() {
			return new Greeting("catalog");
		}

		@PostMapping("/catalog")
		Greeting addToCatalog(CurrentCaller caller, @RequestBody Greeting greeting) {
			return greeting;
		}

		@GetMapping("/me")
		CurrentCaller me(CurrentCaller caller) {
			return caller;
		}

		@PostMapping("/me/greetings")
		Greeting greet(CurrentCaller caller, @RequestBody Greeting greeting) {
			return new Greeting(greeting.text() + " from " + caller.subject());
		}

		@GetMapping("/admin/stats")
		@PreAuthorize("hasRole('admin')")
		Greeting stats(CurrentCaller caller) {
			return new Greeting("stats for " + caller.subject() + (caller.isAdmin() ? ", an admin" : ""));
		}

	}

}
