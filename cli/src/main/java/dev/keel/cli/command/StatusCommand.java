package dev.keel.cli.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.DiscoveryAccess;
import dev.keel.cli.platform.Ports;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;
import dev.keel.cli.process.Health;

/** {@code keel status}: each component with its pid, port and health. */
@Command(name = "status", description = "Show each component with its pid, port and health.")
public class StatusCommand implements Callable<Integer> {

	@ParentCommand
	private Keel keel;

	@Option(names = "--json", description = "Print JSON for scripts.")
	private boolean json;

	@Override
	public Integer call() {
		RunState state = RunCommand.runningState(this.keel.layout());
		PrintStream out = this.keel.out();
		if (this.json) {
			DiscoveryAccess discovery = DiscoveryAccess.of(this.keel.layout(), System.getenv());
			out.println(JsonMapper.builder()
				.build()
				.writerWithDefaultPrettyPrinter()
				.writeValueAsString(asJson(state, discovery)));
			return 0;
		}
		if (state.components().isEmpty()) {
			out.println("Keel is not running. Start it with ./keel run.");
			return 0;
		}
		printTable(state, out);
		out.println();
		out.println(DiscoveryAccess.of(this.keel.layout(), System.getenv())
			.summary(Ports.from(System.getenv()).discoveryUrl()));
		return 0;
	}

	private static Map<String, Object> asJson(RunState state, DiscoveryAccess discovery) {
		List<Map<String, Object>> components = new ArrayList<>();
		for (Running component : state.components()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("name", component.name());
			entry.put("kind", component.kind().name().toLowerCase(java.util.Locale.ROOT));
			entry.put("pid", component.pid());
			entry.put("port", component.port());
			entry.put("managementPort", (component.managementPort() > 0) ? component.managementPort() : null);
			entry.put("health", Health.of(component));
			entry.put("log", component.log());
			components.add(entry);
		}
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("running", state.components().stream().anyMatch(Running::alive));
		status.put("gatewayUrl", "http://localhost:" + Ports.from(System.getenv()).gateway());
		Map<String, Object> credentials = new LinkedHashMap<>();
		credentials.put("url", Ports.from(System.getenv()).discoveryUrl());
		credentials.put("username", discovery.username());
		credentials.put("passwordFile", (discovery.file() != null) ? discovery.file().toString() : null);
		status.put("discovery", credentials);
		status.put("components", components);
		return status;
	}

	static void printTable(RunState state, PrintStream out) {
		out.printf("%n%-22s %6s %6s %8s  %s%n", "COMPONENT", "PORT", "ADMIN", "PID", "STATE");
		for (Running component : state.components()) {
			String admin = (component.managementPort() > 0) ? String.valueOf(component.managementPort()) : "-";
			out.printf("%-22s %6d %6s %8d  %s%n", component.name(), component.port(), admin, component.pid(),
					Health.of(component));
		}
	}

}
