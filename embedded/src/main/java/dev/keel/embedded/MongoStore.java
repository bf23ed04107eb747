package dev.keel.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A store that speaks the MongoDB wire protocol, from mongo-java-server, bound to
 * localhost only.
 * <p>
 * It stands in for MongoDB where no MongoDB server exists. It covers CRUD, update
 * operators, unique indexes and the common aggregation stages, but has no sessions and
 * therefore no multi-document transactions. The server keeps its default reported version
 * on purpose: MongoDB driver 5.x refuses to talk to the older versions it can be told to
 * report.
 */
public final class MongoStore implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MongoStore.class);

	private final MongoServer server;

	private final int port;

	private boolean closed;

	private MongoStore(MongoServer server, int port) {
		this.server = server;
		this.port = port;
	}

	/**
	 * Starts a store whose data and indexes live in an H2 MVStore file and survive a
	 * restart.
	 * @param file the store file; created if missing, its directory must exist
	 * @param port the port to listen on, or 0 for a free one
	 * @return the running store
	 * @throws PortInUseException if the port is taken
	 */
	public static MongoStore onDisk(Path file, int port) {
		Ports.requireFree(port, "MongoDB");
		return start(StoreFile.open(file), port, file.toString());
	}

	/**
	 * Starts a store that keeps everything in memory, on a free port.
	 * @return the running store
	 */
	public static MongoStore inMemory() {
		return start(new MemoryBackend(), 0, "memory");
	}

	private static MongoStore start(MongoBackend backend, int port, String description) {
		MongoServer server = new MongoServer(backend);
		// On failure bind() shuts the server down, which closes the backend too.
		server.bind("localhost", port);
		MongoStore store = new MongoStore(server, server.getLocalAddress().getPort());
		logger.info("MongoDB-wire store ready on {} ({})", store.connectionString(), description);
		return store;
	}

	/**
	 * The port the store listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * A connection string for the MongoDB drivers.
	 * @return {@code mongodb://localhost:<port>}
	 */
	public String connectionString() {
		return "mongodb://localhost:" + this.port;
	}

	/**
	 * Closes client connections and the backend, which writes an on-disk store's file.
	 * Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.server.shutdown();
		logger.info("MongoDB-wire store on port {} stopped", this.port);
	}

}
