package dev.keel.bench;

import picocli.CommandLine.Command;

import dev.keel.bench.gateway.GatewayBenchCommand;
import dev.keel.cli.KeelSubcommand;

/**
 * {@code keel bench}: the benchmarks of a running platform, one subcommand each. The
 * {@code keel} command finds it through {@code META-INF/services} when this module is on
 * its classpath, as {@code ./keel} puts it.
 */
@Command(name = "bench", description = "Measure a running platform (./keel run --detach first).",
		mixinStandardHelpOptions = true, subcommands = { DataBenchCommand.class, AuthBenchCommand.class,
				GatewayBenchCommand.class, EventsBenchCommand.class, StorageBenchCommand.class })
public class BenchCommand implements KeelSubcommand {

}
