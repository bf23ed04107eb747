package dev.keel.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jakarta.mail.MessagingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sink's HTTP API: the part of Mailpit's API v1 that developers and Keel's tests use
 * (list, read, raw source, delete). Anything else answers 404, so that a client expecting
 * more of Mailpit fails visibly rather than quietly.
 */
final class MailApi implements HttpHandler {

	private static final Logger logger = LoggerFactory.getLogger(MailApi.class);

	private static final Pattern MESSAGE = Pattern.compile("/api/v1/message/([^/]+)(/raw)?");

	private static final int DEFAULT_LIMIT = 50;

	private final ReceivedMessages messages;

	private final Runnable onDeleteAll;

	private final JsonMapper json = JsonMapper.shared();

	/**
	 * Creates the API over the given messages.
	 * @param messages the messages the sink holds
	 * @param onDeleteAll also run when a client deletes every message, to free
	 * GreenMail's own copies
	 */
	MailApi(ReceivedMessages messages, Runnable onDeleteAll) {
		this.messages = messages;
		this.onDeleteAll = onDeleteAll;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			route(exchange);
		}
		catch (JacksonException ex) {
			send(exchange, 400, new MailpitJson.Error("Malformed JSON body: " + ex.getOriginalMessage()));
		}
		catch (RuntimeException | MessagingException ex) {
			logger.warn("Mail sink request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), ex);
			send(exchange, 500, new MailpitJson.Error("Internal error: " + ex.getMessage()));
		}
		finally {
			exchange.close();
		}
	}

	private void route(HttpExchange exchange) throws IOException, MessagingException {
		String method = exchange.getRequestMethod();
		String path = exchange.getRequestURI().getPath();
		Matcher message = MESSAGE.matcher(path);
		if (path.equals("/api/v1/messages") && method.equals("GET")) {
			list(exchange);
		}
		else if (path.equals("/api/v1/messages") && method.equals("DELETE")) {
			delete(exchange);
		}
		else if (message.matches() && method.equals("GET")) {
			message(exchange, message.group(1), message.group(2) != null);
		}
		else {
			send(exchange, 404, new MailpitJson.Error(
					"Not found: " + method + " " + path + " (Keel's mail sink serves /api/v1/messages)"));
		}
	}

	private void list(HttpExchange exchange) throws IOException, MessagingException {
		Map<String, String> query = Query.parse(exchange.getRequestURI().getRawQuery());
		int start = Query.intValue(query, "start", 0);
		int limit = Query.intValue(query, "limit", DEFAULT_LIMIT);
		List<MailpitJson.Summary> page = new ArrayList<>();
		for (ReceivedMessage received : this.messages.newestFirst(start, limit)) {
			page.add(MailpitJson.summary(received, this.messages.isRead(received.id())));
		}
		int total = this.messages.total();
		send(exchange, 200,
				new MailpitJson.Page(total, this.messages.unread(), page.size(), total, start, List.of(), page));
	}

	private void message(HttpExchange exchange, String id, boolean raw) throws IOException, MessagingException {
		Optional<ReceivedMessage> found = this.messages.find(id);
		if (found.isEmpty()) {
			send(exchange, 404, new MailpitJson.Error("Message not found: " + id));
		}
		else if (raw) {
			exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
			write(exchange, 200, found.get().raw());
		}
		else {
			this.messages.markRead(id);
			send(exchange, 200, MailpitJson.detail(found.get()));
		}
	}

	/**
	 * Deletes the messages listed in a body of {@code {"IDs": [...]}}, or all of them
	 * when there is no body, as Mailpit does.
	 */
	private void delete(HttpExchange exchange) throws IOException {
		byte[] body;
		try (InputStream in = exchange.getRequestBody()) {
			body = in.readAllBytes();
		}
		List<String> ids = (body.length > 0) ? this.json.readValue(body, MailpitJson.DeleteRequest.class).ids() : null;
		if (ids == null || ids.isEmpty()) {
			this.messages.deleteAll();
			this.onDeleteAll.run();
		}
		else {
			this.messages.delete(ids);
		}
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		write(exchange, 200, "ok".getBytes(StandardCharsets.UTF_8));
	}

	private void send(HttpExchange exchange, int status, Object body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		write(exchange, status, this.json.writeValueAsBytes(body));
	}

	private static void write(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.sendResponseHeaders(status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
