package dev.keel.bench;

import java.io.IOException;
import java.io.PrintStream;

import dev.keel.cli.platform.Layout;
import dev.keel.cli.platform.RunState;

/**
 * How every {@code keel bench} command meets a platform that cannot be measured: it reads
 * the run state, runs the benchmark, and turns an abort or a failed request into one line
 * saying what to do and exit code 1, instead of a stack trace.
 */
public final class BenchGuard {

	private BenchGuard() {
	}

	/**
	 * Runs a benchmark against the platform the layout's run state describes.
	 * @param command the subcommand's name, for the messages
	 * @param layout where the run state is
	 * @param out where the messages go
	 * @param bench the benchmark
	 * @return the benchmark's exit code, or 1 when it could not go on
	 * @throws Exception what the benchmark throws besides an abort or a failed request
	 */
	public static int run(String command, Layout layout, PrintStream out, Bench bench) throws Exception {
		try {
			RunState state = RunState.read(layout.stateFile()).orElse(RunState.empty());
			return bench.run(state);
		}
		catch (BenchAbort abort) {
			out.println();
			out.println("keel bench " + command + ": " + abort.getMessage());
			return 1;
		}
		catch (IOException ex) {
			out.println();
			out.println("keel bench " + command + ": a request failed (" + ClosedLoop.describe(ex)
					+ "). ./keel status shows whether every component is up.");
			return 1;
		}
	}

	/** A benchmark run against the running platform. */
	@FunctionalInterface
	public interface Bench {

		/**
		 * Measures.
		 * @param state what runs
		 * @return the exit code
		 * @throws Exception on failure
		 */
		int run(RunState state) throws Exception;

	}

}
