package dev.keel.data.document;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON Merge Patch (RFC 7386): objects merge recursively, {@code null} removes a member,
 * anything else replaces the target's value.
 */
final class MergePatch {

	private MergePatch() {
	}

	/**
	 * Applies a patch to a copy of the target.
	 * @param target the document's user fields
	 * @param patch the patch, an object
	 * @return the patched copy
	 */
	static ObjectNode apply(ObjectNode target, ObjectNode patch) {
		return (ObjectNode) merge(target.deepCopy(), patch);
	}

	private static JsonNode merge(JsonNode target, JsonNode patch) {
		if (!patch.isObject()) {
			return patch.deepCopy();
		}
		ObjectNode result = (target != null && target.isObject()) ? (ObjectNode) target
				: JsonNodeFactory.instance.objectNode();
		for (Map.Entry<String, JsonNode> member : patch.properties()) {
			if (member.getValue().isNull()) {
				result.remove(member.getKey());
			}
			else {
				result.set(member.getKey(), merge(result.get(member.getKey()), member.getValue()));
			}
		}
		return result;
	}

}
