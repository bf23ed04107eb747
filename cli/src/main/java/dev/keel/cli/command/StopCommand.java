package dev.keel.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.Kind;
import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.RunState;
import dev.keel.cli.platform.RunState.Running;
import dev.keel.cli.process.ProcessStarter;
import dev.keel.cli.process.Supervisor;

/**
 * {@code keel stop}: stops what the run state lists, in reverse order, and any stray
 * process of this checkout that the state no longer knows about (say, after a crashed
 * launcher).
 */
@Command(name = "stop",
		description = "Stop every component of the local platform, in reverse order, or only the one named.")
public class StopCommand implements Callable<Integer> {

	@ParentCommand
	private Keel keel;

	@Parameters(arity = "0..1", paramLabel = "COMPONENT",
			description = "Stop only this component (./keel start brings it back), e.g. kafka.")
	private String only;

	@Override
	public Integer call() throws IOException {
		Layout layout = this.keel.layout();
		PrintStream out = this.keel.out();
		if (this.only != null) {
			return stopOne(layout, out);
		}
		List<Running> components = new ArrayList<>(RunCommand.runningState(layout).components());
		components.addAll(strays(layout, components));
		if (components.stream().noneMatch(Running::alive)) {
			out.println("Keel is not running.");
		}
		else {
			Supervisor.stop(components, out);
			out.println("Stopped.");
		}
		Files.deleteIfExists(layout.stateFile());
		return 0;
	}

	private int stopOne(Layout layout, PrintStream out) {
		java.util.Optional<Running> component = RunCommand.runningState(layout).find(this.only);
		if (component.isEmpty()) {
			out.printf("'%s' is not part of the running platform; ./keel status lists the components.%n", this.only);
			return 1;
		}
		Supervisor.stop(List.of(component.get()), out);
		out.printf("Stopped %s; ./keel start %s brings it back.%n", this.only, this.only);
		return 0;
	}

	static List<Running> strays(Layout layout, List<Running> known) {
		String marker = "-D" + ProcessStarter.HOME_PROPERTY + "=" + layout.home() + " ";
		return ProcessHandle.allProcesses()
			.filter((process) -> process.pid() != ProcessHandle.current().pid())
			.filter((process) -> known.stream().noneMatch((component) -> component.pid() == process.pid()))
			.filter((process) -> process.info().commandLine().map((line) -> line.contains(marker)).orElse(false))
			.map((process) -> new Running("pid-" + process.pid(), Kind.INFRA, null, process.pid(), 0, 0, ""))
			.toList();
	}

}
