/**
 * The small account pages that the links in Keel's security emails open when no front end
 * of the user's own does: confirming an email address, choosing a new password after a
 * reset, and asking for a reset link. They are plain HTML forms (no JavaScript) that call
 * auth-service's recovery endpoints through the load balancer. A GET only shows a form:
 * mail scanners fetch links, so a token is spent only by the POST a person submits.
 */
package dev.keel.gateway.account;
