package dev.keel.support.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A tiny service with one endpoint per kind of failure. */
@SpringBootApplication
class ProblemTestApplication {

	record Thing(@NotBlank String name, @Positive int size) {
	}

	@RestController
	static class ThingController {

		@PostMapping("/things")
		Thing create(@Valid @RequestBody Thing thing) {
			return thing;
		}

		@GetMapping("/things/missing")
		Thing missing() {
			throw KeelProblemException.notFound("thing_not_found", "No thing has that id.");
		}

		@GetMapping("/boom")
		Thing boom() {
			throw new IllegalStateException("a bug with a secret in it");
		}

		@GetMapping("/database-down")
		Thing databaseDown() {
			throw new DataAccessResourceFailureException("Timed out waiting for a server");
		}

	}

}
