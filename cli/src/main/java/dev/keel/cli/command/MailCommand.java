package dev.keel.cli.command;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.cli.Keel;
import dev.keel.cli.platform.Ports;

/**
 * {@code keel mail}: what the local mail sink caught, through its Mailpit-compatible API.
 */
@Command(name = "mail", description = "List the messages caught by the local mail sink, or show one.")
public class MailCommand implements Callable<Integer> {

	@ParentCommand
	private Keel keel;

	@Parameters(arity = "0..1", paramLabel = "ID", description = "Show this message's text.")
	private String id;

	@Option(names = "--limit", defaultValue = "20", description = "How many of the newest (default ${DEFAULT-VALUE}).")
	private int limit;

	@Option(names = "--sink", description = "The sink's HTTP API (default: KEEL_MAIL_SINK_URL, else "
			+ "http://localhost:8025 shifted by KEEL_PORT_OFFSET).")
	private String sink = System.getenv()
		.getOrDefault("KEEL_MAIL_SINK_URL", "http://localhost:" + Ports.from(System.getenv()).mailHttp());

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	@Override
	public Integer call() throws InterruptedException {
		PrintStream out = this.keel.out();
		try {
			return (this.id == null) ? list(out) : show(out);
		}
		catch (IOException ex) {
			out.printf("The mail sink at %s does not answer. Start the platform with ./keel run "
					+ "(with KEEL_SMTP_HOST set, mail goes to that server instead).%n", this.sink);
			return 1;
		}
	}

	private int list(PrintStream out) throws IOException, InterruptedException {
		JsonNode page = get("/api/v1/messages?limit=" + this.limit).body();
		JsonNode messages = page.path("messages");
		if (messages.isEmpty()) {
			out.println("No messages yet.");
			return 0;
		}
		out.printf("%-19s  %-28s  %-28s  %-40s  %s%n", "RECEIVED", "FROM", "TO", "SUBJECT", "ID");
		for (JsonNode message : messages) {
			out.printf("%-19.19s  %-28.28s  %-28.28s  %-40.40s  %s%n",
					message.path("Created").asString().replace('T', ' '),
					message.path("From").path("Address").asString(),
					message.path("To").path(0).path("Address").asString(), message.path("Subject").asString(),
					message.path("ID").asString());
		}
		out.printf("%d of %d messages. ./keel mail <ID> shows one.%n", messages.size(), page.path("total").asInt());
		return 0;
	}

	private int show(PrintStream out) throws IOException, InterruptedException {
		Response response = get("/api/v1/message/" + this.id);
		if (response.status() == 404) {
			out.printf("No message with id %s. ./keel mail lists them.%n", this.id);
			return 1;
		}
		JsonNode message = response.body();
		out.println("From:    " + message.path("From").path("Address").asString());
		out.println("To:      " + message.path("To").path(0).path("Address").asString());
		out.println("Subject: " + message.path("Subject").asString());
		out.println("Date:    " + message.path("Date").asString());
		out.println();
		out.println(message.path("Text").asString());
		return 0;
	}

	private Response get(String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.sink + path))
			.timeout(Duration.ofSeconds(5))
			.build();
		HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
		return new Response(response.statusCode(), this.json.readTree(response.body()));
	}

	private record Response(int status, JsonNode body) {
	}

}
