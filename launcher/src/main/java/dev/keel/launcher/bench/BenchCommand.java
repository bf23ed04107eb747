package dev.keel.launcher.bench;

import picocli.CommandLine.Command;

import dev.keel.launcher.bench.gateway.GatewayBenchCommand;

/** {@code keel bench}: the benchmarks of a running platform, one subcommand each. */
@Command(name = "bench", description = "Measure a running platform (./keel run --detach first).",
		mixinStandardHelpOptions = true,
		subcommands = { DataBenchCommand.class, AuthBenchCommand.class, GatewayBenchCommand.class })
public class BenchCommand {

}
