package dev.keel.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own {@code application.yml} says: the {@code KEEL_*} variables it
 * reads, its ports, and where its actuator serves the probe groups. The manifests are
 * checked against this, so a renamed variable or a moved port shows up here first.
 */
record ServiceSettings(String service, Set<String> variables, Placeholder port, Placeholder managementPort,
		String actuatorBasePath, boolean probesEnabled) {

	private static final Pattern VARIABLE = Pattern.compile("\\$\\{(KEEL_[A-Z0-9_]+)");

	private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{(KEEL_[A-Z0-9_]+):([0-9]+)}$");

	static ServiceSettings read(Repository repository, String service) {
		String text;
		try {
			text = Files.readString(repository.applicationYml(service));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Set<String> variables = new TreeSet<>();
		Matcher matcher = VARIABLE.matcher(text);
		while (matcher.find()) {
			variables.add(matcher.group(1));
		}
		Map<String, Object> yaml = Yamls.document(text);
		String basePath = Yamls.stringAt(yaml, "management", "endpoints", "web", "base-path");
		return new ServiceSettings(service, variables, Placeholder.parse(Yamls.stringAt(yaml, "server", "port")),
				Placeholder.parse(Yamls.stringAt(yaml, "management", "server", "port")),
				(basePath != null) ? basePath : "/actuator",
				Boolean.TRUE.equals(Yamls.at(yaml, "management", "endpoint", "health", "probes", "enabled")));
	}

	String livenessPath() {
		return this.actuatorBasePath + "/health/liveness";
	}

	String readinessPath() {
		return this.actuatorBasePath + "/health/readiness";
	}

	/**
	 * A port written as {@code ${KEEL_X:1234}}: the variable that overrides it, and its
	 * default.
	 */
	record Placeholder(String variable, int defaultValue) {

		static Placeholder parse(String value) {
			Matcher matcher = PLACEHOLDER.matcher(String.valueOf(value));
			if (!matcher.matches()) {
				throw new IllegalStateException("Expected a port written as ${KEEL_...:<default>}, found " + value);
			}
			return new Placeholder(matcher.group(1), Integer.parseInt(matcher.group(2)));
		}

		/** The port a process gets with these environment variables. */
		int resolve(Map<String, String> environment) {
			String value = environment.get(this.variable);
			return (value != null) ? Integer.parseInt(value) : this.defaultValue;
		}

	}

}
