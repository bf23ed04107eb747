package dev.keel.embedded;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local mail sink: an SMTP server (GreenMail) that accepts any message for any
 * recipient without authentication, and an HTTP API compatible with the parts of
 * Mailpit's that developers and Keel's tests use ({@code GET /api/v1/messages},
 * {@code GET /api/v1/message/{ID}}, {@code GET /api/v1/message/{ID}/raw},
 * {@code DELETE /api/v1/messages}).
 * <p>
 * Both listen on localhost only. Messages are held in memory, each with a random id
 * assigned on arrival, and are lost when the sink stops.
 */
public final class MailSink implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MailSink.class);

	private final GreenMail greenMail;

	private final HttpServer http;

	private boolean closed;

	private MailSink(GreenMail greenMail, HttpServer http) {
		this.greenMail = greenMail;
		this.http = http;
	}

	/**
	 * Starts the SMTP server and the HTTP API.
	 * @param smtpPort the SMTP port, or 0 for a free one
	 * @param httpPort the HTTP port, or 0 for a free one
	 * @return the running sink
	 * @throws PortInUseException if a requested port is taken
	 * @throws IOException if the HTTP server cannot start
	 */
	public static MailSink start(int smtpPort, int httpPort) throws IOException {
		Ports.requireFree(smtpPort, "SMTP");
		Ports.requireFree(httpPort, "mail HTTP API");
		ReceivedMessages messages = new ReceivedMessages();
		GreenMail greenMail = startSmtp(smtpPort, messages);
		try {
			HttpServer http = startHttp(httpPort, new MailApi(messages, () -> purge(greenMail)));
			MailSink sink = new MailSink(greenMail, http);
			logger.info("Mail sink ready: SMTP on localhost:{}, API on {}", sink.smtpPort(), sink.baseUrl());
			return sink;
		}
		catch (IOException | RuntimeException ex) {
			greenMail.stop();
			throw ex;
		}
	}

	private static GreenMail startSmtp(int port, ReceivedMessages messages) {
		GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		// GreenMail creates its user manager on start, with the default handler to wrap.
		UserManager users = greenMail.getUserManager();
		users.setMessageDeliveryHandler(new RecordingDeliveryHandler(users.getMessageDeliveryHandler(), messages));
		return greenMail;
	}

	private static HttpServer startHttp(int port, MailApi api) throws IOException {
		HttpServer http;
		try {
			http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (BindException ex) {
			throw new PortInUseException(port, "mail HTTP API");
		}
		http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		http.createContext("/", api);
		http.start();
		return http;
	}

	/**
	 * The SMTP port.
	 * @return the port
	 */
	public int smtpPort() {
		return this.greenMail.getSmtp().getPort();
	}

	/**
	 * The HTTP API's port.
	 * @return the port
	 */
	public int httpPort() {
		return this.http.getAddress().getPort();
	}

	/**
	 * Where the HTTP API answers.
	 * @return {@code http://localhost:<httpPort>}
	 */
	public String baseUrl() {
		return "http://localhost:" + httpPort();
	}

	/**
	 * Stops both servers; held messages are dropped. Idempotent.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.http.stop(0);
		((ExecutorService) this.http.getExecutor()).close();
		this.greenMail.stop();
		logger.info("Mail sink stopped");
	}

	/**
	 * Frees the copies GreenMail keeps in each recipient's mailbox, which the sink never
	 * reads but which would otherwise grow for as long as it runs.
	 */
	private static void purge(GreenMail greenMail) {
		try {
			greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			logger.warn("Could not purge GreenMail's mailboxes", ex);
		}
	}

}
