package dev.keel.embedded;

import java.time.Instant;
import java.util.List;

/**
 * One message as the sink received it over SMTP: the raw RFC 5322 source exactly as it
 * will be served back, plus the envelope, which the headers do not carry (the envelope is
 * the only place Bcc recipients appear).
 *
 * @param id the opaque id the HTTP API uses
 * @param created when the sink received it
 * @param raw the message source
 * @param envelopeSender the SMTP {@code MAIL FROM} address, or an empty string
 * @param envelopeRecipients the SMTP {@code RCPT TO} addresses
 */
record ReceivedMessage(String id, Instant created, byte[] raw, String envelopeSender, List<String> envelopeRecipients) {

}
