package dev.keel.cli.infra;

import picocli.CommandLine.Command;

/**
 * {@code keel infra}: the entry point the launcher uses to run each piece of
 * infrastructure as its own process, for example
 * {@code java -cp 'cli.jar:lib/*' dev.keel.cli.Keel infra kafka --data-dir .keel/kafka}.
 * <p>
 * Hidden because developers use {@code keel run}. The contract with the launcher: once
 * the component serves requests, the process prints one line {@code ready <name> <ports>}
 * to stdout (ports in the order of the options, actual values when 0 was asked for);
 * SIGTERM or SIGINT stops it cleanly with exit status 0; a taken port ends it with
 * {@value #EXIT_PORT_IN_USE} and a message on stderr naming the port and the option or
 * environment variable that changes it; any other failure to start ends it with 1.
 */
@Command(name = "infra", hidden = true, description = "Run one piece of Keel's local infrastructure.",
		mixinStandardHelpOptions = true, subcommands = { KafkaCommand.class, MongoCommand.class, MailCommand.class })
public class InfraCommand {

	/**
	 * The exit status when a requested port is already in use.
	 */
	public static final int EXIT_PORT_IN_USE = 3;

}
