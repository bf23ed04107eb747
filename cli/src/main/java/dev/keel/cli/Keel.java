package dev.keel.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ServiceLoader;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.keel.cli.command.LogsCommand;
import dev.keel.cli.command.MailCommand;
import dev.keel.cli.command.RunCommand;
import dev.keel.cli.command.StartCommand;
import dev.keel.cli.command.StatusCommand;
import dev.keel.cli.command.StopCommand;
import dev.keel.cli.infra.InfraCommand;
import dev.keel.cli.platform.Layout;

/**
 * The {@code keel} command: runs, inspects and stops a local Keel platform.
 * <p>
 * {@link #commandLine} adds the subcommands that other modules on the classpath
 * contribute as {@link KeelSubcommand}s ({@code keel bench} from {@code benchmarks}), so
 * that this module does not depend on them.
 * <p>
 * {@link #main} points Log4j 2 at {@code log4j2-keel.xml} (quiet Kafka, Keel at INFO, to
 * stdout) unless {@code log4j2.configurationFile} is already set. The file has its own
 * name so that it never becomes the configuration of another program that has this module
 * on its classpath.
 */
@Command(name = "keel", mixinStandardHelpOptions = true, version = "keel 0.1.0",
		description = "Runs Keel locally: embedded Kafka, MongoDB-wire stores and a mail sink, then discovery, "
				+ "the services and the gateway.",
		subcommands = { RunCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class, LogsCommand.class,
				MailCommand.class, InfraCommand.class },
		footer = { "", "Also, handled by the ./keel script itself:",
				"  test    Run the full test suite (./mvnw verify with a JDK 21+).",
				"  build   Build every module (skipping tests).",
				"  images  Build the container images with Docker (docs/deploy.md)." })
public class Keel {

	/** The checkout: {@code keel.home} from the script, else the working directory. */
	public Layout layout() {
		String home = System.getProperty("keel.home", System.getenv().getOrDefault("KEEL_HOME", "."));
		return Layout.of(Path.of(home).toAbsolutePath().normalize(), System.getenv());
	}

	public PrintStream out() {
		return System.out;
	}

	/**
	 * The whole command tree: the built-in subcommands, then those found on the
	 * classpath, then {@code help}.
	 * @param keel the root command
	 * @return the command line to parse or execute arguments with
	 */
	public static CommandLine commandLine(Keel keel) {
		CommandLine commandLine = new CommandLine(keel);
		for (KeelSubcommand subcommand : ServiceLoader.load(KeelSubcommand.class, Keel.class.getClassLoader())) {
			commandLine.addSubcommand(subcommand);
		}
		return commandLine.addSubcommand(new CommandLine.HelpCommand());
	}

	public static void main(String[] args) {
		if (System.getProperty("log4j2.configurationFile") == null) {
			System.setProperty("log4j2.configurationFile", "log4j2-keel.xml");
		}
		System.exit(commandLine(new Keel()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
	}

}
