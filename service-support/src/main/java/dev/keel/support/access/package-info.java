/**
 * Access rules: who may act on a collection's documents, written as {@code public},
 * {@code authenticated}, {@code owner} or {@code role:<name>}, and what a rule decides
 * for one caller. A plain model without Spring, shared by every service that enforces or
 * applies such rules: data-service on requests, notification-service on the recipients of
 * document events.
 * <p>
 * {@link AccessRule#parse(String)} reads a rule, {@link AccessRule#decide} says what a
 * caller may do under it ({@link AccessDecision}), and {@link AccessRule#permits} whether
 * that includes one document, given its owner.
 */
package dev.keel.support.access;
