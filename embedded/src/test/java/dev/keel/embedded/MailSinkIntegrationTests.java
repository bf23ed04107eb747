package dev.keel.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;

import jakarta.mail.Message.RecipientType;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class MailSinkIntegrationTests {

	static MailSink sink;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void startSink() throws Exception {
		sink = MailSink.start(0, 0);
	}

	@AfterAll
	static void stopSink() {
		sink.close();
	}

	@BeforeEach
	void deleteAll() throws Exception {
		assertThat(send("DELETE", "/api/v1/messages").statusCode()).isEqualTo(200);
	}

	@Test
	void listsAReceivedMessageWithSubjectSenderAndRecipients() throws Exception {
		sendMail("Welcome to Keel", "Plain welcome", "<p>HTML welcome</p>");

		JsonNode page = json(get("/api/v1/messages"));

		assertThat(page.path("total").asInt()).isOne();
		assertThat(page.path("unread").asInt()).isOne();
		JsonNode message = page.path("messages").path(0);
		assertThat(message.path("Subject").asString()).isEqualTo("Welcome to Keel");
		assertThat(message.path("From").path("Address").asString()).isEqualTo("noreply@keel.dev");
		assertThat(message.path("From").path("Name").asString()).isEqualTo("Keel");
		assertThat(message.path("To").path(0).path("Address").asString()).isEqualTo("ada@example.com");
		assertThat(message.path("Bcc").path(0).path("Address").asString()).isEqualTo("audit@example.com");
		assertThat(message.path("Snippet").asString()).isEqualTo("Plain welcome");
		assertThat(message.path("Created").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
	}

	@Test
	void listsNewestFirstAndHonoursLimit() throws Exception {
		sendMail("first", "one", "<p>one</p>");
		sendMail("second", "two", "<p>two</p>");

		JsonNode page = json(get("/api/v1/messages?limit=1"));

		assertThat(page.path("total").asInt()).isEqualTo(2);
		assertThat(page.path("count").asInt()).isOne();
		assertThat(page.path("messages").path(0).path("Subject").asString()).isEqualTo("second");
	}

	@Test
	void servesTheTextAndHtmlBodiesOfAMessage() throws Exception {
		sendMail("Reset your password", "Use code 123456", "<p>Use code <b>123456</b></p>");
		String id = json(get("/api/v1/messages")).path("messages").path(0).path("ID").asString();

		JsonNode message = json(get("/api/v1/message/" + id));

		assertThat(message.path("ID").asString()).isEqualTo(id);
		assertThat(message.path("Text").asString()).contains("Use code 123456");
		assertThat(message.path("HTML").asString()).contains("<b>123456</b>");
		assertThat(message.path("ReturnPath").asString()).isEqualTo("noreply@keel.dev");
		assertThat(json(get("/api/v1/messages")).path("unread").asInt()).isZero();
	}

	@Test
	void servesTheRawSource() throws Exception {
		sendMail("Raw", "raw text", "<p>raw</p>");
		String id = json(get("/api/v1/messages")).path("messages").path(0).path("ID").asString();

		HttpResponse<String> raw = get("/api/v1/message/" + id + "/raw");

		assertThat(raw.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(raw.body()).contains("Subject: Raw").contains("multipart/alternative");
	}

	@Test
	void answers404ForAnUnknownMessageOrPath() throws Exception {
		HttpResponse<String> message = get("/api/v1/message/no-such-id");

		assertThat(message.statusCode()).isEqualTo(404);
		assertThat(json(message).path("Error").asString()).contains("no-such-id");
		assertThat(get("/api/v2/anything").statusCode()).isEqualTo(404);
	}

	@Test
	void deleteRemovesEveryMessage() throws Exception {
		sendMail("Doomed", "text", "<p>html</p>");

		assertThat(send("DELETE", "/api/v1/messages").statusCode()).isEqualTo(200);

		assertThat(json(get("/api/v1/messages")).path("total").asInt()).isZero();
	}

	private static void sendMail(String subject, String text, String html) throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(sink.smtpPort()));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("noreply@keel.dev", "Keel"));
		message.setRecipient(RecipientType.TO, new InternetAddress("ada@example.com"));
		message.setRecipient(RecipientType.BCC, new InternetAddress("audit@example.com"));
		message.setSubject(subject);
		MimeMultipart alternative = new MimeMultipart("alternative");
		alternative.addBodyPart(part(text, "text/plain; charset=utf-8"));
		alternative.addBodyPart(part(html, "text/html; charset=utf-8"));
		message.setContent(alternative);
		Transport.send(message);
	}

	private static MimeBodyPart part(String content, String type) throws Exception {
		MimeBodyPart part = new MimeBodyPart();
		part.setContent(content, type);
		return part;
	}

	private HttpResponse<String> get(String path) throws Exception {
		return send("GET", path);
	}

	private HttpResponse<String> send(String method, String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create(sink.baseUrl() + path))
			.method(method, HttpRequest.BodyPublishers.noBody())
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JsonMapper.shared().readTree(response.body());
	}

}
