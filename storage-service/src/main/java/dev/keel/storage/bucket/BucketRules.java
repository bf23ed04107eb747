package dev.keel.storage.bucket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.keel.support.web.Problems.FieldProblem;

/** What makes a bucket name and definition valid. */
final class BucketRules {

	static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

	private static final Pattern MIME_PATTERN = Pattern
		.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/(\\*|[a-z0-9][a-z0-9!#$&^_.+-]{0,126})");

	private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,3})x([1-9][0-9]{0,3})");

	private static final int MAX_SIDE = 4096;

	private static final int MAX_ENTRIES = 32;

	private BucketRules() {
	}

	static boolean isValidName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

	/**
	 * The MIME patterns in lower case, with problems reported under {@code allowedTypes}.
	 */
	static List<String> allowedTypes(List<String> patterns, List<FieldProblem> errors) {
		List<String> result = new ArrayList<>();
		if (patterns == null) {
			return result;
		}
		if (patterns.size() > MAX_ENTRIES) {
			errors.add(new FieldProblem("allowedTypes", "has more than " + MAX_ENTRIES + " entries"));
		}
		for (int i = 0; i < patterns.size(); i++) {
			String pattern = (patterns.get(i) != null) ? patterns.get(i).strip().toLowerCase(Locale.ROOT) : "";
			if (!MIME_PATTERN.matcher(pattern).matches()) {
				errors.add(new FieldProblem("allowedTypes[" + i + "]",
						"must be a MIME type such as image/png or image/*"));
			}
			else if (!result.contains(pattern)) {
				result.add(pattern);
			}
		}
		return result;
	}

	/** The thumbnail sizes, with problems reported under {@code thumbnails}. */
	static List<String> thumbnails(List<String> sizes, List<FieldProblem> errors) {
		List<String> result = new ArrayList<>();
		if (sizes == null) {
			return result;
		}
		if (sizes.size() > MAX_ENTRIES) {
			errors.add(new FieldProblem("thumbnails", "has more than " + MAX_ENTRIES + " entries"));
		}
		for (int i = 0; i < sizes.size(); i++) {
			Matcher size = SIZE.matcher((sizes.get(i) != null) ? sizes.get(i) : "");
			if (!size.matches() || Integer.parseInt(size.group(1)) > MAX_SIDE
					|| Integer.parseInt(size.group(2)) > MAX_SIDE) {
				errors.add(new FieldProblem("thumbnails[" + i + "]",
						"must be <width>x<height>, each from 1 to " + MAX_SIDE));
			}
			else if (!result.contains(sizes.get(i))) {
				result.add(sizes.get(i));
			}
		}
		return result;
	}

	/** The largest file, at most the global maximum. */
	static long maxFileSize(Long requested, long globalMax, List<FieldProblem> errors) {
		if (requested == null) {
			return globalMax;
		}
		if (requested < 1 || requested > globalMax) {
			errors.add(new FieldProblem("maxFileSize", "must be from 1 to " + globalMax + " bytes"));
		}
		return requested;
	}

	static Long quotaPerUser(Long requested, List<FieldProblem> errors) {
		if (requested != null && requested < 1) {
			errors.add(new FieldProblem("quotaPerUser", "must be at least 1 byte"));
		}
		return requested;
	}

}
