package dev.keel.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.UUID;
import java.util.WeakHashMap;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import jakarta.mail.MessagingException;

/**
 * Records each message GreenMail accepts, once, before handing it on to GreenMail's own
 * delivery. GreenMail calls its delivery handler once per recipient with the same
 * {@link MovingMessage}, and stores a copy in every recipient's mailbox; recording the
 * first call per message (keyed by identity) gives Mailpit's view instead: one message
 * per SMTP transaction, with an id that stays the same for as long as the sink runs.
 */
final class RecordingDeliveryHandler implements MessageDeliveryHandler {

	private final MessageDeliveryHandler delegate;

	private final ReceivedMessages messages;

	private final Map<MovingMessage, Boolean> seen = Collections.synchronizedMap(new WeakHashMap<>());

	RecordingDeliveryHandler(MessageDeliveryHandler delegate, ReceivedMessages messages) {
		this.delegate = delegate;
		this.messages = messages;
	}

	@Override
	public GreenMailUser handle(MovingMessage message, MailAddress recipient) throws MessagingException, UserException {
		if (this.seen.putIfAbsent(message, Boolean.TRUE) == null) {
			this.messages.add(toReceived(message));
		}
		return this.delegate.handle(message, recipient);
	}

	private static ReceivedMessage toReceived(MovingMessage message) throws MessagingException {
		ByteArrayOutputStream raw = new ByteArrayOutputStream();
		try {
			message.getMessage().writeTo(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		String sender = (message.getReturnPath() != null) ? message.getReturnPath().getEmail() : "";
		return new ReceivedMessage(UUID.randomUUID().toString(), Instant.now(), raw.toByteArray(), sender,
				message.getToAddresses().stream().map(MailAddress::getEmail).toList());
	}

}
