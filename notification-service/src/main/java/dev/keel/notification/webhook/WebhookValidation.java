package dev.keel.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * Checks a webhook registration and reports every problem at once, by field.
 */
final class WebhookValidation {

	static final int MAX_URL_LENGTH = 2048;

	static final int MAX_DESCRIPTION_LENGTH = 500;

	static final int MAX_EVENTS = 32;

	static final int MAX_COLLECTIONS = 100;

	private static final Pattern COLLECTION_NAME = Pattern.compile("^[a-z][a-z0-9_-]{0,62}$");

	private static final Set<String> SCHEMES = Set.of("http", "https");

	private final TargetGuard guard;

	WebhookValidation(TargetGuard guard) {
		this.guard = guard;
	}

	List<FieldProblem> check(WebhookRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		checkUrl(request.url(), problems);
		checkEvents(request.events(), problems);
		checkCollections(request.collections(), problems);
		if (request.description() != null && request.description().length() > MAX_DESCRIPTION_LENGTH) {
			problems.add(new FieldProblem("description", "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
		}
		return problems;
	}

	private void checkUrl(String url, List<FieldProblem> problems) {
		String problem = urlProblem(url);
		if (problem != null) {
			problems.add(new FieldProblem("url", problem));
		}
	}

	private String urlProblem(String url) {
		if (url == null || url.isBlank()) {
			return "is required";
		}
		if (url.length() > MAX_URL_LENGTH) {
			return "must be at most " + MAX_URL_LENGTH + " characters";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "must be an absolute http or https URL";
		}
		if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
				|| uri.getHost() == null || uri.getHost().isEmpty()) {
			return "must be an absolute http or https URL with a host";
		}
		if (uri.getRawUserInfo() != null) {
			return "must not contain a user name or password";
		}
		return this.guard.refusal(uri.getHost()).map((reason) -> "is refused: " + reason).orElse(null);
	}

	private static void checkEvents(List<String> events, List<FieldProblem> problems) {
		if (events == null || events.isEmpty()) {
			problems.add(new FieldProblem("events", "must name at least one event type"));
			return;
		}
		if (events.size() > MAX_EVENTS) {
			problems.add(new FieldProblem("events", "must have at most " + MAX_EVENTS + " entries"));
			return;
		}
		for (int i = 0; i < events.size(); i++) {
			String event = events.get(i);
			if (event == null || !EventPatterns.isValid(event)) {
				problems.add(new FieldProblem("events[" + i + "]", "is not a Keel event type (such as "
						+ "keel.document.created) or one of keel.user.*, keel.document.*, keel.collection.*, keel.file.*, *"));
			}
		}
	}

	private static void checkCollections(List<String> collections, List<FieldProblem> problems) {
		if (collections == null) {
			return;
		}
		if (collections.size() > MAX_COLLECTIONS) {
			problems.add(new FieldProblem("collections", "must have at most " + MAX_COLLECTIONS + " entries"));
			return;
		}
		for (int i = 0; i < collections.size(); i++) {
			String name = collections.get(i);
			if (name == null || !COLLECTION_NAME.matcher(name).matches()) {
				problems.add(new FieldProblem("collections[" + i + "]", "is not a collection name"));
			}
		}
	}

}
