package dev.keel.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.keel.bench.BenchLogin.Credentials;
import dev.keel.cli.Keel;
import dev.keel.cli.platform.Layout;

/**
 * {@code keel bench storage}: how fast files go up and down through the gateway and
 * straight to storage-service, beside a plain file copy on the same disk.
 */
@Command(name = "storage", mixinStandardHelpOptions = true,
		description = { "Measure storage-service: upload and download MB/s of one file through the gateway and "
				+ "straight to a storage-service instance, and a plain file copy on the same disk, each with the CPU "
				+ "time per MB it cost.",
				"Needs a running platform (./keel run --detach); deletes its bucket at the end." })
class StorageBenchCommand implements Callable<Integer> {

	private static final Pattern SIZE = Pattern.compile("([0-9]{1,12})\\s*(B|KB|MB|GB)?");

	@Spec
	private CommandSpec spec;

	@Option(names = "--size", defaultValue = "256MB", paramLabel = "SIZE",
			description = "The file's size: bytes, or with KB, MB or GB (powers of 1024; default ${DEFAULT-VALUE}).")
	String size;

	@Option(names = "--settle-timeout", defaultValue = "2m", converter = FlexibleDuration.class, paramLabel = "TIME",
			description = "Before each transfer, wait up to this long for the platform to go idle "
					+ "(default ${DEFAULT-VALUE}; 0 to not wait).")
	Duration settleTimeout;

	@Mixin
	BenchLogin login;

	@Override
	public Integer call() throws Exception {
		Keel keel = (Keel) this.spec.parent().parent().userObject();
		Layout layout = keel.layout();
		PrintStream out = keel.out();
		StorageBenchSettings settings = settings(System.getenv());
		return BenchGuard
			.run("storage", layout, out,
					(state) -> new StorageBench(settings,
							StorageTargets.from(state, layout.stateFile(), layout.data().resolve("storage")), out)
						.run());
	}

	/** The options with the admin filled in from the environment, checked. */
	StorageBenchSettings settings(Map<String, String> environment) {
		long bytes = bytes(this.size);
		if (bytes < 1 || bytes > 64L * 1024 * 1024 * 1024) {
			throw new ParameterException(this.spec.commandLine(), "--size must be between 1 byte and 64GB");
		}
		if (this.settleTimeout.isNegative()) {
			throw new ParameterException(this.spec.commandLine(), "--settle-timeout must not be negative");
		}
		Credentials admin = this.login.resolve(this.spec.commandLine(), environment);
		return new StorageBenchSettings(bytes, this.settleTimeout, admin.email(), admin.password());
	}

	private long bytes(String text) {
		Matcher matcher = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
		if (!matcher.matches()) {
			throw new ParameterException(this.spec.commandLine(),
					"--size must be a number of bytes, or with KB, MB or GB, e.g. 256MB; not " + text);
		}
		long number = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "B";
		return switch (unit) {
			case "KB" -> number * 1024;
			case "MB" -> number * 1024 * 1024;
			case "GB" -> number * 1024 * 1024 * 1024;
			default -> number;
		};
	}

}
