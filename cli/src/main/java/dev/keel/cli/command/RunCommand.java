package dev.keel.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.BindAddress;
import dev.keel.cli.platform.Component;
import dev.keel.cli.platform.DiscoveryAccess;
import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.LocalAdmin;
import dev.keel.cli.platform.Platform;
import dev.keel.cli.platform.Ports;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.process.Logs;
import dev.keel.cli.process.ProcessStarter;
import dev.keel.cli.process.Supervisor;
import dev.keel.cli.process.Supervisor.StartFailure;

/**
 * {@code keel run}: starts the platform tier by tier and waits until the gateway routes
 * to it.
 */
@Command(name = "run", description = "Start the whole platform and wait until it is routable through the gateway.")
public class RunCommand implements Callable<Integer> {

	@ParentCommand
	private Keel keel;

	@Option(names = "--detach", description = "Return once everything is routable, leaving it running.")
	private boolean detach;

	@Option(names = "--scale", paramLabel = "SERVICE=N", split = ",",
			description = "Run N instances of a service (extra ones on random ports), e.g. data-service=2.")
	private Map<String, Integer> scale = new LinkedHashMap<>();

	@Option(names = "--clean", description = "Wipe .keel/ (logs, data, state) first.")
	private boolean clean;

	@Option(names = "--host", paramLabel = "ADDRESS",
			description = "Listen on this address: 127.0.0.1 (the default, this machine only) or 0.0.0.0 (every"
					+ " interface). Default from KEEL_BIND_ADDRESS.")
	private String host;

	@Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "180",
			description = "Give up, stop everything and exit non-zero after this long (default ${DEFAULT-VALUE}).")
	private int timeoutSeconds;

	@Override
	public Integer call() throws Exception {
		Layout layout = this.keel.layout();
		PrintStream out = this.keel.out();
		if (Preflight.alreadyRunning(layout, out) || (this.clean && !Preflight.clean(layout, out))) {
			return 1;
		}
		BindAddress bindAddress;
		try {
			bindAddress = BindAddress.of(this.host, System.getenv());
		}
		catch (IllegalArgumentException ex) {
			out.println(ex.getMessage() + ".");
			return 2;
		}
		DiscoveryAccess discovery = DiscoveryAccess.of(layout, System.getenv());
		Map<String, String> environment = Platform.environment(System.getenv(), bindAddress, discovery);
		List<Component> plan = Platform.plan(layout, environment, this.scale);
		if (!Preflight.jarsBuilt(layout, plan, out) || !Preflight.portsFree(plan, out)) {
			return 1;
		}
		Supervisor supervisor = new Supervisor(layout, new ProcessStarter(layout, environment), out,
				RunState.empty().listeningOn(bindAddress).startedWith(Platform.settings(System.getenv())));
		Thread stopOnExit = new Thread(() -> stopAll(supervisor, layout, out), "keel-stop");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
		Instant started = Instant.now();
		try {
			startTiers(supervisor, plan, discovery, started.plusSeconds(this.timeoutSeconds), out);
		}
		catch (StartFailure failure) {
			reportFailure(failure.getMessage(), Path.of(failure.component().log()), out);
			return 1;
		}
		catch (Routes.NotRoutable failure) {
			reportFailure(failure.getMessage(), layout.log("gateway"), out);
			return 1;
		}
		StatusCommand.printTable(supervisor.state(), out);
		out.printf("%nKeel is up and routable after %.1f s. Gateway: http://localhost:%d%n",
				Duration.between(started, Instant.now()).toMillis() / 1000.0, Ports.from(System.getenv()).gateway());
		printAdmin(System.getenv(), out);
		out.println(discovery.summary(Ports.from(System.getenv()).discoveryUrl()));
		ExposureWarning.lines(bindAddress, System.getenv(), discovery).forEach(out::println);
		if (this.detach) {
			Runtime.getRuntime().removeShutdownHook(stopOnExit);
			out.println("Running in the background: ./keel status, ./keel logs <component>, ./keel stop.");
			return 0;
		}
		out.println("Streaming logs (full logs in .keel/logs/). Press Ctrl-C to stop everything.");
		LogStream.follow(supervisor.state(), out);
		return 0;
	}

	private static void startTiers(Supervisor supervisor, List<Component> plan, DiscoveryAccess discovery,
			Instant deadline, PrintStream out) throws IOException {
		// Discovery needs none of the infrastructure, so it starts beside it; the
		// services
		// need both.
		for (Set<Kind> kinds : List.of(Set.of(Kind.INFRA, Kind.DISCOVERY), Set.of(Kind.SERVICE))) {
			List<Component> tier = plan.stream().filter((component) -> kinds.contains(component.kind())).toList();
			if (!tier.isEmpty()) {
				out.printf("Starting %s ...%n", String.join(", ", tier.stream().map(Component::name).toList()));
				supervisor.awaitReady(supervisor.start(tier), deadline);
			}
		}
		out.println("Waiting until the gateway routes to every service ...");
		Routes.await(plan, Ports.from(System.getenv()), discovery, deadline, out);
	}

	static void printAdmin(Map<String, String> environment, PrintStream out) {
		LocalAdmin.from(environment)
			.ifPresentOrElse((admin) -> out.println(admin.summary()),
					() -> out.printf("No bootstrap admin: set both %s and %s to have one.%n", LocalAdmin.EMAIL_VARIABLE,
							LocalAdmin.PASSWORD_VARIABLE));
	}

	private static void reportFailure(String reason, Path log, PrintStream out) {
		out.printf("%nKeel did not start: %s. Last lines of %s:%n", reason, log);
		Logs.tail(log, 40).forEach((line) -> out.println("  | " + dev.keel.cli.process.LogFormat.readable(line)));
		out.println("Everything started so far is being stopped. Fix the cause and run ./keel run again.");
	}

	private static void stopAll(Supervisor supervisor, Layout layout, PrintStream out) {
		if (supervisor.state().components().isEmpty()) {
			return;
		}
		out.println("Stopping Keel ...");
		Supervisor.stop(supervisor.state().components(), out);
		try {
			Files.deleteIfExists(layout.stateFile());
		}
		catch (IOException ex) {
			out.println("Could not remove " + layout.stateFile() + ": " + ex.getMessage());
		}
		out.println("Stopped.");
	}

	static RunState runningState(Layout layout) {
		return RunState.read(layout.stateFile()).orElse(RunState.empty());
	}

}
