/**
 * The {@code keel} command line: {@link dev.keel.launcher.Keel} is the root command; its
 * subcommands run, stop and inspect a local Keel, and start the embedded infrastructure
 * from {@link dev.keel.launcher.infra}.
 */
package dev.keel.launcher;
