/**
 * Background work shared by the services: {@link dev.keel.support.work.PollingLoop}, the
 * loop behind queues that are kept in MongoDB and worked on by every instance.
 */
package dev.keel.support.work;
