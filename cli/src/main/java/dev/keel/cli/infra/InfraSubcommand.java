package dev.keel.cli.infra;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.keel.embedded.PortInUseException;

/**
 * What every {@code keel infra} subcommand does: start one component, announce
 * {@code ready <name> <ports>} on stdout for the launcher, then block until asked to stop
 * and close the component cleanly.
 *
 * @param <T> the component type
 */
abstract class InfraSubcommand<T extends AutoCloseable> implements Callable<Integer> {

	private static final Logger logger = LoggerFactory.getLogger(InfraSubcommand.class);

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		T component;
		try {
			component = start();
		}
		catch (PortInUseException ex) {
			return fail(InfraCommand.EXIT_PORT_IN_USE, ex.getMessage() + ". Stop that process, or choose another port"
					+ " with " + howToChange(ex.port()) + ".");
		}
		catch (Exception ex) {
			logger.error("Could not start {}", this.spec.name(), ex);
			return fail(1, (ex.getMessage() != null) ? ex.getMessage() : ex.toString());
		}
		// Only now: a failed start must not leave signal handlers behind (tests call this
		// in-process).
		Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(component), "keel-infra-shutdown"));
		StopSignal stopSignal = StopSignal.install();
		try (component) {
			PrintWriter out = this.spec.commandLine().getOut();
			out.println("ready " + this.spec.name() + " " + ports(component));
			out.flush();
			stopSignal.await();
		}
		return 0;
	}

	/**
	 * Starts the component and returns once it serves requests.
	 * @return the running component
	 * @throws Exception if it cannot start
	 */
	abstract T start() throws Exception;

	/**
	 * The ports the component listens on, space-separated, for the ready line.
	 * @param component the running component
	 * @return the ports
	 */
	abstract String ports(T component);

	/**
	 * How a user picks another value for the given port: the option and the environment
	 * variable it defaults from.
	 * @param port a port this command was asked to use
	 * @return for example {@code --port or KEEL_KAFKA_PORT}
	 */
	abstract String howToChange(int port);

	private int fail(int exitCode, String message) {
		this.spec.commandLine().getErr().println("keel infra " + this.spec.name() + ": " + message);
		return exitCode;
	}

	private static void closeQuietly(AutoCloseable component) {
		try {
			component.close();
		}
		catch (Exception ex) {
			logger.warn("Could not stop cleanly", ex);
		}
	}

}
