package dev.keel.cli.command;

import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.Platform;
import dev.keel.cli.platform.Ports;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;
import dev.keel.cli.process.ProcessStarter;
import dev.keel.cli.process.Supervisor;
import dev.keel.cli.process.Supervisor.StartFailure;

/**
 * {@code keel start <component>}: starts a stopped component of the running platform
 * again, on its ports, and waits until it is ready and, for a service, routable again.
 */
@Command(name = "start", description = "Start a stopped component of the running platform again, on the same ports.")
public class StartCommand implements Callable<Integer> {

	@ParentCommand
	private Keel keel;

	@Parameters(paramLabel = "COMPONENT", description = "As listed by ./keel status, e.g. data-service.")
	private String name;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
			description = "Give up after this long (default ${DEFAULT-VALUE}).")
	private int timeoutSeconds;

	@Override
	public Integer call() throws Exception {
		Layout layout = this.keel.layout();
		PrintStream out = this.keel.out();
		RunState state = RunCommand.runningState(layout);
		Optional<Running> stopped = state.find(this.name);
		if (stopped.isEmpty()) {
			out.printf("'%s' is not part of the running platform. ./keel status lists the components; "
					+ "./keel run starts the platform.%n", this.name);
			return 1;
		}
		if (stopped.get().alive()) {
			out.printf("%s is already running (pid %d).%n", this.name, stopped.get().pid());
			return 0;
		}
		// Configured like the run's own components, whatever this shell sets.
		Map<String, String> environment = Platform.besideRun(state, layout, System.getenv());
		Component component = Platform.restart(layout, environment, stopped.get());
		Supervisor supervisor = new Supervisor(layout, new ProcessStarter(layout, environment), out, state);
		Instant deadline = Instant.now().plusSeconds(this.timeoutSeconds);
		try {
			supervisor.awaitReady(supervisor.start(List.of(component)), deadline);
			String prefix = component.isService() ? Routes.PREFIXES.get(component.module()) : null;
			if (prefix != null) {
				Routes.awaitRoutable(prefix, Ports.from(environment), deadline);
				out.printf("%s is back; the gateway routes %s** again.%n", this.name, prefix);
			}
			return 0;
		}
		catch (StartFailure | Routes.NotRoutable failure) {
			out.printf("%s did not come back: %s. Its log: %s%n", this.name, failure.getMessage(),
					layout.log(this.name));
			return 1;
		}
	}

}
