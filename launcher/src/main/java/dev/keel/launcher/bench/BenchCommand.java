package dev.keel.launcher.bench;

import picocli.CommandLine.Command;

/** {@code keel bench}: the benchmarks of a running platform, one subcommand each. */
@Command(name = "bench", description = "Measure a running platform (./keel run --detach first).",
		mixinStandardHelpOptions = true, subcommands = DataBenchCommand.class)
public class BenchCommand {

}
