package dev.keel.cli.infra;

import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.keel.embedded.MongoStore;

/**
 * {@code keel infra mongo}: runs an on-disk {@link MongoStore} in the foreground.
 */
@Command(name = "mongo", mixinStandardHelpOptions = true,
		description = "Run a MongoDB-wire store backed by a file until stopped.")
class MongoCommand extends InfraSubcommand<MongoStore> {

	@Option(names = "--port", defaultValue = "${env:KEEL_MONGODB_PORT:-27017}",
			description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}, env KEEL_MONGODB_PORT).")
	int port;

	@Option(names = "--file", required = true, description = "The store file (H2 MVStore); kept across restarts.")
	Path file;

	@Override
	MongoStore start() throws Exception {
		Path directory = this.file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		return MongoStore.onDisk(this.file, this.port);
	}

	@Override
	String ports(MongoStore store) {
		return String.valueOf(store.port());
	}

	@Override
	String howToChange(int port) {
		return "--port or KEEL_MONGODB_PORT";
	}

}
