package dev.keel.launcher;

import dev.keel.launcher.infra.InfraCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code keel} command.
 * <p>
 * {@link #main} points Log4j 2 at {@code log4j2-keel.xml} (quiet Kafka, Keel at INFO, to
 * stdout) unless {@code log4j2.configurationFile} is already set. The file has its own
 * name so that it never becomes the configuration of a service that has this module on
 * its classpath and logs with Log4j 2.
 */
@Command(name = "keel", mixinStandardHelpOptions = true, description = "Run and manage Keel on this machine.",
		subcommands = { InfraCommand.class })
public class Keel implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		this.spec.commandLine().usage(this.spec.commandLine().getOut());
	}

	public static void main(String[] args) {
		if (System.getProperty("log4j2.configurationFile") == null) {
			System.setProperty("log4j2.configurationFile", "log4j2-keel.xml");
		}
		System.exit(new CommandLine(new Keel()).execute(args));
	}

}
