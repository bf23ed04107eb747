/**
 * {@code keel infra kafka|mongo|mail}: the hidden commands the launcher starts each piece
 * of the embedded infrastructure with ({@link dev.keel.embedded}), one OS process each,
 * so that a crash or a restart of one does not take the others down.
 */
package dev.keel.cli.infra;
