package dev.keel.launcher;

import java.io.PrintStream;
import java.nio.file.Path;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import dev.keel.launcher.bench.BenchCommand;
import dev.keel.launcher.cli.LogsCommand;
import dev.keel.launcher.cli.MailCommand;
import dev.keel.launcher.cli.RunCommand;
import dev.keel.launcher.cli.StartCommand;
import dev.keel.launcher.cli.StatusCommand;
import dev.keel.launcher.cli.StopCommand;
import dev.keel.launcher.infra.InfraCommand;
import dev.keel.launcher.platform.Layout;

/**
 * The {@code keel} command: runs, inspects and stops a local Keel platform.
 * <p>
 * {@link #main} points Log4j 2 at {@code log4j2-keel.xml} (quiet Kafka, Keel at INFO, to
 * stdout) unless {@code log4j2.configurationFile} is already set. The file has its own
 * name so that it never becomes the configuration of a service that has this module on
 * its classpath.
 */
@Command(name = "keel", mixinStandardHelpOptions = true, version = "keel 0.1.0",
		description = "Runs Keel locally: embedded Kafka, MongoDB-wire stores and a mail sink, then discovery, "
				+ "the services and the gateway.",
		subcommands = { RunCommand.class, StartCommand.class, StopCommand.class, StatusCommand.class, LogsCommand.class,
				MailCommand.class, BenchCommand.class, InfraCommand.class, CommandLine.HelpCommand.class },
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

	public static void main(String[] args) {
		if (System.getProperty("log4j2.configurationFile") == null) {
			System.setProperty("log4j2.configurationFile", "log4j2-keel.xml");
		}
		System.exit(new CommandLine(new Keel()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
	}

}
