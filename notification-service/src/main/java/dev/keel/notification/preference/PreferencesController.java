package dev.keel.notification.preference;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.support.security.CurrentCaller;

/** The caller's preferences under {@code /api/notifications/preferences}. */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

	private final Preferences preferences;

	PreferencesController(Preferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping
	PreferencesView get(CurrentCaller caller) {
		return PreferencesView.of(this.preferences.of(caller.subject()));
	}

	@PutMapping
	PreferencesView put(CurrentCaller caller, @Valid @RequestBody PreferencesRequest request) {
		UserPreferences saved = request.preferences();
		this.preferences.save(caller.subject(), saved);
		return PreferencesView.of(saved);
	}

}
