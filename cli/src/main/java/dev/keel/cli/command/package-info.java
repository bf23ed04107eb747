/**
 * The user-facing subcommands of {@code keel}: run, stop, status, logs and mail.
 */
package dev.keel.cli.command;
