package dev.keel.storage.bucket;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keel.support.access.AccessRule;
import dev.keel.support.web.Problems.FieldProblem;

/**
 * A bucket's four access rules, evaluated exactly as data-service evaluates a
 * collection's.
 *
 * @param read who may list objects, read their metadata and content, and sign URLs
 * @param create who may upload
 * @param update who may change objects (reserved: objects are immutable for now)
 * @param delete who may delete objects
 */
public record BucketAccess(AccessRule read, AccessRule create, AccessRule update, AccessRule delete) {

	static final List<String> OPERATIONS = List.of("read", "create", "update", "delete");

	/**
	 * Reads the rules, reporting each missing, unknown or malformed one under
	 * {@code access.<operation>}.
	 * @return the access, or {@code null} when there were problems
	 */
	static BucketAccess from(Map<String, String> rules, List<FieldProblem> errors) {
		if (rules == null) {
			errors.add(new FieldProblem("access", "is required"));
			return null;
		}
		int before = errors.size();
		rules.keySet()
			.stream()
			.filter((operation) -> !OPERATIONS.contains(operation))
			.forEach((operation) -> errors.add(new FieldProblem("access." + operation, "unknown operation")));
		List<AccessRule> parsed = new ArrayList<>();
		for (String operation : OPERATIONS) {
			Optional<AccessRule> rule = AccessRule.parse(rules.get(operation));
			rule.ifPresentOrElse(parsed::add, () -> errors.add(new FieldProblem("access." + operation,
					"must be one of public, authenticated, owner or role:<name>")));
		}
		return (errors.size() > before) ? null
				: new BucketAccess(parsed.get(0), parsed.get(1), parsed.get(2), parsed.get(3));
	}

	/** The rules as written in a definition. */
	public Map<String, String> toMap() {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("read", this.read.text());
		map.put("create", this.create.text());
		map.put("update", this.update.text());
		map.put("delete", this.delete.text());
		return map;
	}

}
