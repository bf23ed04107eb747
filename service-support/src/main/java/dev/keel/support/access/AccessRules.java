package dev.keel.support.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.keel.support.web.Problems.FieldProblem;

/**
 * The four access rules of a data-service collection or a storage-service bucket, read
 * from a definition and evaluated the same way in both ({@link AccessRule}).
 *
 * @param read who may read (documents: get, query, count; files: list, metadata, content)
 * @param create who may create
 * @param update who may change
 * @param delete who may delete
 */
public record AccessRules(AccessRule read, AccessRule create, AccessRule update, AccessRule delete) {

	public static final List<String> OPERATIONS = List.of("read", "create", "update", "delete");

	/**
	 * Reads the rules from a definition, reporting each missing, unknown or malformed one
	 * under {@code access.<operation>}.
	 * @param rules the rules by operation
	 * @param errors where problems are added
	 * @return the access, or {@code null} when there were problems
	 */
	public static AccessRules from(Map<String, String> rules, List<FieldProblem> errors) {
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
				: new AccessRules(parsed.get(0), parsed.get(1), parsed.get(2), parsed.get(3));
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
