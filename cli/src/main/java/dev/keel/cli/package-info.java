/**
 * The {@code keel} command line: {@link dev.keel.cli.Keel} is the root command; its
 * subcommands in {@link dev.keel.cli.command} run, stop and inspect a local Keel
 * ({@link dev.keel.cli.platform} says what runs where, {@link dev.keel.cli.process}
 * starts and watches the processes), and {@link dev.keel.cli.infra} runs the embedded
 * infrastructure of the {@code embedded} module as processes of their own. Other modules
 * add subcommands as {@link dev.keel.cli.KeelSubcommand}s.
 */
package dev.keel.cli;
