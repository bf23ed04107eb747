package dev.keel.embedded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A received message parsed back from its raw source: the headers Mailpit's API shows and
 * the content found by walking the MIME tree (the first plain-text and HTML bodies, and
 * the parts that are attachments). Parsing from the raw bytes on every request keeps the
 * sink free of shared mutable {@link MimeMessage} objects.
 */
final class ParsedMessage {

	private static final Session SESSION = Session.getInstance(new Properties());

	private final MimeMessage mime;

	private String text = "";

	private String html = "";

	private final List<Attachment> attachments = new ArrayList<>();

	private final List<Attachment> inline = new ArrayList<>();

	private ParsedMessage(MimeMessage mime) {
		this.mime = mime;
	}

	static ParsedMessage parse(byte[] raw) {
		try {
			ParsedMessage parsed = new ParsedMessage(new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
			parsed.walk(parsed.mime, "");
			return parsed;
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not parse a received message", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MimeMessage mime() {
		return this.mime;
	}

	String text() {
		return this.text;
	}

	String html() {
		return this.html;
	}

	List<Attachment> attachments() {
		return this.attachments;
	}

	List<Attachment> inline() {
		return this.inline;
	}

	List<InternetAddress> from() throws MessagingException {
		return internet(this.mime.getFrom());
	}

	List<InternetAddress> recipients(RecipientType type) throws MessagingException {
		return internet(this.mime.getRecipients(type));
	}

	List<InternetAddress> replyTo() throws MessagingException {
		// getReplyTo() falls back to From; Mailpit shows only an explicit Reply-To.
		String header = this.mime.getHeader("Reply-To", ",");
		return (header != null) ? internet(InternetAddress.parseHeader(header, false)) : List.of();
	}

	private void walk(Part part, String partId) throws MessagingException, IOException {
		if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart child = multipart.getBodyPart(i);
				walk(child, partId.isEmpty() ? String.valueOf(i + 1) : partId + "." + (i + 1));
			}
		}
		else if (isAttachment(part)) {
			boolean inlined = Part.INLINE.equalsIgnoreCase(part.getDisposition());
			(inlined ? this.inline : this.attachments).add(Attachment.of(part, partId));
		}
		else if (part.isMimeType("text/plain") && this.text.isEmpty()) {
			this.text = String.valueOf(part.getContent());
		}
		else if (part.isMimeType("text/html") && this.html.isEmpty()) {
			this.html = String.valueOf(part.getContent());
		}
	}

	private static boolean isAttachment(Part part) throws MessagingException {
		return part.getFileName() != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())
				|| !(part.isMimeType("text/plain") || part.isMimeType("text/html"));
	}

	private static List<InternetAddress> internet(Address[] addresses) {
		List<InternetAddress> result = new ArrayList<>();
		for (Address address : (addresses != null) ? addresses : new Address[0]) {
			if (address instanceof InternetAddress internetAddress) {
				result.add(internetAddress);
			}
		}
		return result;
	}

	/**
	 * A non-body part, as Mailpit lists it.
	 *
	 * @param partId the part's position in the MIME tree, such as {@code 2} or
	 * {@code 1.2}
	 * @param fileName the file name, or an empty string
	 * @param contentType the base content type
	 * @param contentId the Content-ID without angle brackets, or an empty string
	 * @param size the encoded size in bytes, or 0 if unknown
	 */
	record Attachment(String partId, String fileName, String contentType, String contentId, int size) {

		static Attachment of(Part part, String partId) throws MessagingException {
			String[] contentIds = part.getHeader("Content-ID");
			String contentId = (contentIds != null) ? contentIds[0].replaceAll("[<>]", "") : "";
			String fileName = (part.getFileName() != null) ? part.getFileName() : "";
			String contentType = part.getContentType().split(";")[0].strip().toLowerCase(Locale.ROOT);
			return new Attachment(partId, fileName, contentType, contentId, Math.max(part.getSize(), 0));
		}

	}

}
