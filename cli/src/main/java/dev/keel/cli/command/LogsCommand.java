package dev.keel.cli.command;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import dev.keel.cli.Keel;
import dev.keel.cli.process.LogFormat;
import dev.keel.cli.process.Logs;

/** {@code keel logs <component>}: a component's log, readable, optionally followed. */
@Command(name = "logs", description = "Show a component's log (services log JSON; shown readable unless --raw).")
public class LogsCommand implements Callable<Integer> {

	@ParentCommand
	private Keel keel;

	@Parameters(paramLabel = "COMPONENT", description = "e.g. gateway, data-service, data-service-2, kafka, mail.")
	private String component;

	@Option(names = { "-f", "--follow" }, description = "Keep printing new lines.")
	private boolean follow;

	@Option(names = { "-n", "--lines" }, defaultValue = "200",
			description = "How many last lines (default ${DEFAULT-VALUE}).")
	private int lines;

	@Option(names = "--raw", description = "Print the lines as written.")
	private boolean raw;

	@Override
	public Integer call() throws Exception {
		PrintStream out = this.keel.out();
		Path log = this.keel.layout().log(this.component);
		if (!Files.exists(log)) {
			out.printf("No log for '%s' in %s. ./keel status lists the components.%n", this.component, log.getParent());
			return 1;
		}
		Logs.tail(log, this.lines).forEach((line) -> out.println(format(line)));
		if (this.follow) {
			Logs.follow(log, Files.size(log), (line) -> out.println(format(line)));
		}
		return 0;
	}

	private String format(String line) {
		return this.raw ? line : LogFormat.readable(line);
	}

}
