/**
 * The small account pages that the links in Keel's security emails open when no front end
 * of the user's own does: confirming an email address, choosing a new password after a
 * reset, asking for a reset link, and completing a passwordless sign-in from an emailed
 * link (handing it over to the app). They are plain HTML forms (no JavaScript) served
 * under {@code /account/**}, which the gateway routes here. A GET only shows a form: mail
 * scanners fetch links, so a token is spent only by the POST a person submits. The pages
 * reach the accounts through {@link dev.keel.auth.account.AccountRecovery}, a contract
 * the user feature implements.
 */
package dev.keel.auth.account;
