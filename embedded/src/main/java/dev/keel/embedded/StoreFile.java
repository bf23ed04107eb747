package dev.keel.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/**
 * The H2 MVStore file behind an on-disk {@link MongoStore}. It is a class of its own so
 * that the H2 backend, an optional dependency that only the {@code keel} command needs,
 * is loaded only when a store on disk is opened: tests keep their stores in memory.
 */
final class StoreFile {

	private StoreFile() {
	}

	static MongoBackend open(Path file) {
		try {
			return new H2Backend(file.toAbsolutePath().toString());
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Could not open the MongoDB-wire store file " + file
					+ "; if another Keel instance uses it, stop that one first", ex);
		}
	}

}
