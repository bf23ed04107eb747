/**
 * What a local Keel platform consists of: the components, their ports and the order they
 * start in, where their files live under {@code .keel/}, and the record of a running
 * platform that {@code keel stop} and {@code keel status} read.
 */
package dev.keel.cli.platform;
