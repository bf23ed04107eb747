package dev.keel.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reading parsed YAML (maps, lists and scalars) without a cast at every step. */
final class Yamls {

	private Yamls() {
	}

	/** Every document of a multi-document stream; empty documents are dropped. */
	static List<Map<String, Object>> documents(String yaml) {
		List<Map<String, Object>> documents = new ArrayList<>();
		for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(yaml)) {
			if (document != null) {
				documents.add(map(document));
			}
		}
		return documents;
	}

	static Map<String, Object> document(String yaml) {
		return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml));
	}

	/** The value at a path of keys, or null when any step is missing. */
	static Object at(Object node, String... path) {
		Object current = node;
		for (String key : path) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(key);
		}
		return current;
	}

	static Map<String, Object> mapAt(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? map(value) : Map.of();
	}

	static List<Object> listAt(Object node, String... path) {
		Object value = at(node, path);
		return (value instanceof List<?> list) ? new ArrayList<>(list) : List.of();
	}

	static String stringAt(Object node, String... path) {
		Object value = at(node, path);
		return (value != null) ? value.toString() : null;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> map(Object node) {
		if (node instanceof Map<?, ?> map) {
			return (Map<String, Object>) map;
		}
		throw new IllegalArgumentException("Expected a mapping, found " + Objects.toString(node));
	}

	/**
	 * A label selector's matchLabels and matchExpressions (In only) against a set of
	 * labels.
	 */
	static boolean selects(Map<String, Object> selector, Map<String, Object> labels) {
		if (selector.isEmpty()) {
			return true;
		}
		Map<String, Object> matchLabels = selector.containsKey("matchLabels")
				|| selector.containsKey("matchExpressions") ? mapAt(selector, "matchLabels") : selector;
		for (Map.Entry<String, Object> label : matchLabels.entrySet()) {
			if (!Objects.equals(String.valueOf(label.getValue()), stringAt(labels, label.getKey()))) {
				return false;
			}
		}
		for (Object expression : listAt(selector, "matchExpressions")) {
			String key = stringAt(expression, "key");
			String operator = stringAt(expression, "operator");
			List<Object> values = listAt(expression, "values");
			boolean in = labels.containsKey(key) && values.contains(String.valueOf(labels.get(key)));
			boolean matches = switch (operator) {
				case "In" -> in;
				case "NotIn" -> !in;
				case "Exists" -> labels.containsKey(key);
				case "DoesNotExist" -> !labels.containsKey(key);
				default -> false;
			};
			if (!matches) {
				return false;
			}
		}
		return true;
	}

}
