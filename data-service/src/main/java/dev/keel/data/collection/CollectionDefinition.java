package dev.keel.data.collection;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import dev.keel.support.access.AccessRules;

/**
 * A collection as an admin defined it, with where its documents are stored.
 *
 * @param name the collection's name in the API
 * @param schema the compiled schema of its documents, or {@code null} for none
 * @param access its access rules
 * @param indexes the indexes asked for
 * @param storage the MongoDB collection holding its documents; a new one for every
 * (re)creation, so that a name defined again never sees the documents of a deleted
 * collection that are still being dropped
 * @param revision incremented on every change of the definition
 * @param createdAt when the collection was created
 * @param updatedAt when its definition last changed
 */
public record CollectionDefinition(String name, @Nullable DocumentSchema schema, AccessRules access,
		List<IndexDefinition> indexes, String storage, long revision, Instant createdAt, Instant updatedAt) {

	/** Valid collection names, as in API.md. */
	public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

	public CollectionDefinition {
		indexes = List.copyOf(indexes);
	}

	/**
	 * Whether a string can be a collection name.
	 * @param name the candidate
	 * @return whether it can
	 */
	public static boolean isValidName(String name) {
		return name != null && NAME.matcher(name).matches();
	}

}
