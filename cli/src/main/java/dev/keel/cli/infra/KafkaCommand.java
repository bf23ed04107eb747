package dev.keel.cli.infra;

import java.nio.file.Path;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import dev.keel.embedded.KafkaBroker;

/**
 * {@code keel infra kafka}: runs the {@link KafkaBroker} in the foreground.
 */
@Command(name = "kafka", mixinStandardHelpOptions = true,
		description = "Run a single-node Kafka broker (KRaft) until stopped.")
class KafkaCommand extends InfraSubcommand<KafkaBroker> {

	@Option(names = "--port", defaultValue = "${env:KEEL_KAFKA_PORT:-9092}",
			description = "Client (PLAINTEXT) port; 0 picks a free one (default: ${DEFAULT-VALUE}, env KEEL_KAFKA_PORT).")
	int port;

	@Option(names = "--controller-port", defaultValue = "${env:KEEL_KAFKA_CONTROLLER_PORT:-9093}",
			description = "KRaft controller port; 0 picks a free one (default: ${DEFAULT-VALUE}, env KEEL_KAFKA_CONTROLLER_PORT).")
	int controllerPort;

	@Option(names = "--data-dir", required = true,
			description = "Directory for the broker's configuration and logs; kept across restarts.")
	Path dataDir;

	@Override
	KafkaBroker start() throws Exception {
		return KafkaBroker.start(this.dataDir, this.port, this.controllerPort);
	}

	@Override
	String ports(KafkaBroker broker) {
		return broker.port() + " " + broker.controllerPort();
	}

	@Override
	String howToChange(int port) {
		return (port == this.controllerPort) ? "--controller-port or KEEL_KAFKA_CONTROLLER_PORT"
				: "--port or KEEL_KAFKA_PORT";
	}

}
