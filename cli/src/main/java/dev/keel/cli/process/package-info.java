/**
 * Starting, watching and stopping the platform's processes: how each one is launched,
 * when it counts as ready, and how its log is shown.
 */
package dev.keel.cli.process;
