package dev.keel.embedded;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

/**
 * The JSON shapes of Mailpit's API (v1) that the sink serves, so that tools and tests
 * written against Mailpit work unchanged. Field names follow Mailpit exactly, hence the
 * explicit {@link JsonProperty} names.
 */
final class MailpitJson {

	private static final int SNIPPET_LENGTH = 250;

	private MailpitJson() {
	}

	static Summary summary(ReceivedMessage message, boolean read) throws MessagingException {
		ParsedMessage parsed = ParsedMessage.parse(message.raw());
		Recipients recipients = Recipients.of(parsed, message);
		return new Summary(message.id(), messageId(parsed), read, first(parsed.from()), recipients.to(),
				recipients.cc(), recipients.bcc(), addresses(parsed.replyTo()), subject(parsed),
				rfc3339(message.created()), List.of(), message.raw().length, parsed.attachments().size(),
				snippet(parsed));
	}

	static Detail detail(ReceivedMessage message) throws MessagingException {
		ParsedMessage parsed = ParsedMessage.parse(message.raw());
		Recipients recipients = Recipients.of(parsed, message);
		Date sent = parsed.mime().getSentDate();
		return new Detail(message.id(), messageId(parsed), first(parsed.from()), recipients.to(), recipients.cc(),
				recipients.bcc(), addresses(parsed.replyTo()), message.envelopeSender(), subject(parsed),
				rfc3339((sent != null) ? sent.toInstant() : message.created()), List.of(), parsed.text(), parsed.html(),
				message.raw().length, parsed.inline().stream().map(Attachment::of).toList(),
				parsed.attachments().stream().map(Attachment::of).toList());
	}

	private static String messageId(ParsedMessage parsed) throws MessagingException {
		String id = parsed.mime().getMessageID();
		return (id != null) ? id.replaceAll("^<|>$", "") : "";
	}

	private static String subject(ParsedMessage parsed) throws MessagingException {
		String subject = parsed.mime().getSubject();
		return (subject != null) ? subject : "";
	}

	private static String snippet(ParsedMessage parsed) {
		String source = parsed.text().isBlank() ? parsed.html().replaceAll("<[^>]*>", " ") : parsed.text();
		String collapsed = source.replaceAll("\\s+", " ").strip();
		return (collapsed.length() > SNIPPET_LENGTH) ? collapsed.substring(0, SNIPPET_LENGTH) + "..." : collapsed;
	}

	private static String rfc3339(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS).toString();
	}

	private static Address first(List<InternetAddress> addresses) {
		return addresses.isEmpty() ? null : Address.of(addresses.get(0));
	}

	private static List<Address> addresses(List<InternetAddress> addresses) {
		return addresses.stream().map(Address::of).toList();
	}

	/**
	 * To and Cc from the headers; Bcc from the envelope recipients no header names.
	 */
	private record Recipients(List<Address> to, List<Address> cc, List<Address> bcc) {

		static Recipients of(ParsedMessage parsed, ReceivedMessage message) throws MessagingException {
			List<Address> to = addresses(parsed.recipients(RecipientType.TO));
			List<Address> cc = addresses(parsed.recipients(RecipientType.CC));
			Set<String> named = Stream.concat(to.stream(), cc.stream())
				.map((address) -> address.address().toLowerCase(Locale.ROOT))
				.collect(Collectors.toSet());
			List<Address> bcc = message.envelopeRecipients()
				.stream()
				.filter((recipient) -> !named.contains(recipient.toLowerCase(Locale.ROOT)))
				.map((recipient) -> new Address("", recipient))
				.toList();
			return new Recipients(to, cc, bcc);
		}

	}

	record Address(@JsonProperty("Name") String name, @JsonProperty("Address") String address) {

		static Address of(InternetAddress address) {
			return new Address((address.getPersonal() != null) ? address.getPersonal() : "", address.getAddress());
		}

	}

	record Attachment(@JsonProperty("PartID") String partId, @JsonProperty("FileName") String fileName,
			@JsonProperty("ContentType") String contentType, @JsonProperty("ContentID") String contentId,
			@JsonProperty("Size") int size) {

		static Attachment of(ParsedMessage.Attachment attachment) {
			return new Attachment(attachment.partId(), attachment.fileName(), attachment.contentType(),
					attachment.contentId(), attachment.size());
		}

	}

	record Summary(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
			@JsonProperty("Read") boolean read, @JsonProperty("From") Address from,
			@JsonProperty("To") List<Address> to, @JsonProperty("Cc") List<Address> cc,
			@JsonProperty("Bcc") List<Address> bcc, @JsonProperty("ReplyTo") List<Address> replyTo,
			@JsonProperty("Subject") String subject, @JsonProperty("Created") String created,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Size") int size,
			@JsonProperty("Attachments") int attachments, @JsonProperty("Snippet") String snippet) {

	}

	record Page(@JsonProperty("total") int total, @JsonProperty("unread") int unread, @JsonProperty("count") int count,
			@JsonProperty("messages_count") int messagesCount, @JsonProperty("start") int start,
			@JsonProperty("tags") List<String> tags, @JsonProperty("messages") List<Summary> messages) {

	}

	record Detail(@JsonProperty("ID") String id, @JsonProperty("MessageID") String messageId,
			@JsonProperty("From") Address from, @JsonProperty("To") List<Address> to,
			@JsonProperty("Cc") List<Address> cc, @JsonProperty("Bcc") List<Address> bcc,
			@JsonProperty("ReplyTo") List<Address> replyTo, @JsonProperty("ReturnPath") String returnPath,
			@JsonProperty("Subject") String subject, @JsonProperty("Date") String date,
			@JsonProperty("Tags") List<String> tags, @JsonProperty("Text") String text,
			@JsonProperty("HTML") String html, @JsonProperty("Size") int size,
			@JsonProperty("Inline") List<Attachment> inline,
			@JsonProperty("Attachments") List<Attachment> attachments) {

	}

	record Error(@JsonProperty("Error") String error) {

	}

	record DeleteRequest(@JsonProperty("IDs") List<String> ids) {

	}

}
