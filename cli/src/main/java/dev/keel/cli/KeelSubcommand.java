package dev.keel.cli;

/**
 * A subcommand of {@code keel} that another module contributes: an instance of a picocli
 * {@code @Command} class, listed in that module's
 * {@code META-INF/services/dev.keel.cli.KeelSubcommand} and found with
 * {@link java.util.ServiceLoader} when that module is on the classpath. This is how
 * {@code keel bench} reaches the command line while {@code cli} knows nothing of
 * {@code benchmarks}, which depends on it.
 * <p>
 * The command finds its {@link Keel} (the checkout's layout, the output) as the user
 * object of its parent command.
 */
public interface KeelSubcommand {

}
