package dev.keel.system;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.keel.system.KeelCli.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The platform skeleton end to end, on the platform {@link RunningPlatform} started:
 * discovery, routing, load spreading, failure and recovery, the mail sink, and finally
 * {@code keel stop}. It runs after every other system test class, since it kills services
 * and stops the platform.
 */
@ExtendWith(RunningPlatform.class)
@TestMethodOrder(OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class PlatformSystemTests {

	private static final KeelCli keel = RunningPlatform.keel;

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String GATEWAY = "http://localhost:" + KeelCli.port(8080);

	@AfterAll
	static void stopThePlatform() throws Exception {
		List<JsonNode> components = components();
		Result stop = keel.run("stop");
		assertThat(stop.exitCode()).as(stop.output()).isZero();
		for (JsonNode component : components) {
			long pid = component.path("pid").asLong();
			assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
				.as(component.path("name").asString() + " still running")
				.isFalse();
			assertThat(listening(component.path("port").asInt())).as(component.path("name").asString() + "'s port")
				.isFalse();
		}
	}

	@Test
	@Order(1)
	void registersEveryServiceWithDiscoveryIncludingBothDataServiceInstances() throws Exception {
		HttpResponse<String> anonymous = get("http://localhost:" + KeelCli.port(8761) + "/eureka/apps",
				"application/json");
		assertThat(anonymous.statusCode()).as("discovery without credentials").isEqualTo(401);
		JsonNode applications = json.readTree(
				http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + KeelCli.port(8761) + "/eureka/apps"))
					.header("Accept", "application/json")
					.header("Authorization", keel.discoveryAuthorization())
					.timeout(Duration.ofSeconds(5))
					.build(), BodyHandlers.ofString()).body())
			.path("applications")
			.path("application");
		assertThat(applications.valueStream().map((app) -> app.path("name").asString())).containsExactlyInAnyOrder(
				"GATEWAY", "AUTH-SERVICE", "DATA-SERVICE", "NOTIFICATION-SERVICE", "STORAGE-SERVICE");
		JsonNode data = applications.valueStream()
			.filter((app) -> app.path("name").asString().equals("DATA-SERVICE"))
			.findFirst()
			.orElseThrow();
		assertThat(data.path("instance").valueStream().map((instance) -> instance.path("status").asString()))
			.containsExactly("UP", "UP");
	}

	@Test
	@Order(2)
	void statusListsEveryComponentWithPidPortAndHealth() throws Exception {
		assertThat(components()).extracting((component) -> component.path("name").asString())
			.containsExactly("kafka", "mongo-auth", "mongo-data", "mongo-notification", "mongo-storage", "mail",
					"discovery", "auth-service", "data-service", "data-service-2", "notification-service",
					"notification-service-2", "storage-service", "gateway");
		assertThat(components()).allSatisfy((component) -> {
			assertThat(component.path("health").asString()).isEqualTo("UP");
			assertThat(component.path("pid").asLong()).isPositive();
			assertThat(component.path("port").asInt()).isPositive();
		});
	}

	@Test
	@Order(3)
	void unknownPathIsANotFoundProblem() throws Exception {
		// a path no route serves is unknown with or without a token (API.md §6)
		assertThat(get(GATEWAY + "/api/nope", "*/*").statusCode()).isEqualTo(404);
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/nope"))
			.header("Authorization", "Bearer " + DataFixtures.admin().accessToken())
			.timeout(Duration.ofSeconds(5))
			.build(), BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(json.readTree(response.body()).path("code").asString()).isEqualTo("not_found");
	}

	@Test
	@Order(4)
	void gatewaySpreadsRequestsOverBothDataServiceInstances() throws Exception {
		List<Integer> managementPorts = components().stream()
			.filter((component) -> component.path("name").asString().startsWith("data-service"))
			.map((component) -> component.path("managementPort").asInt())
			.toList();
		long first = served(managementPorts.get(0));
		long second = served(managementPorts.get(1));
		for (int request = 0; request < 20; request++) {
			assertThat(get(GATEWAY + "/api/data/anything", "*/*").statusCode()).isEqualTo(401);
		}
		long servedByFirst = served(managementPorts.get(0)) - first;
		long servedBySecond = served(managementPorts.get(1)) - second;
		System.out.printf("20 requests: %d to data-service, %d to data-service-2%n", servedByFirst, servedBySecond);
		assertThat(servedByFirst + servedBySecond).isEqualTo(20);
		assertThat(servedByFirst).isPositive();
		assertThat(servedBySecond).isPositive();
	}

	@Test
	@Order(5)
	void mailSentOverSmtpIsListedByTheSinkAndByKeelMail() throws Exception {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "localhost");
		properties.put("mail.smtp.port", String.valueOf(KeelCli.port(1025)));
		MimeMessage message = new MimeMessage(Session.getInstance(properties));
		message.setFrom(new InternetAddress("no-reply@keel.dev"));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress("ada@example.com"));
		message.setSubject("Welcome to Keel");
		message.setText("Verify your email.");
		Transport.send(message);

		JsonNode messages = json
			.readTree(get("http://localhost:" + KeelCli.port(8025) + "/api/v1/messages", "application/json").body())
			.path("messages");
		assertThat(messages.valueStream().map((m) -> m.path("Subject").asString())).contains("Welcome to Keel");
		Result mail = keel.run("mail");
		assertThat(mail.exitCode()).isZero();
		assertThat(mail.output()).contains("Welcome to Keel", "ada@example.com");
	}

	@Test
	@Order(6)
	void aKilledDataServiceInstanceCostsNoClientErrorWhileTheOtherServes() throws Exception {
		String token = DataFixtures.admin().accessToken();
		long victim = components().stream()
			.filter((component) -> component.path("name").asString().equals("data-service-2"))
			.mapToLong((component) -> component.path("pid").asLong())
			.findFirst()
			.orElseThrow();
		AtomicBoolean running = new AtomicBoolean(true);
		AtomicInteger served = new AtomicInteger();
		List<String> errors = new CopyOnWriteArrayList<>();
		List<Thread> clients = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			clients.add(Thread.ofVirtual().start(() -> {
				while (running.get()) {
					try {
						HttpResponse<String> response = http
							.send(HttpRequest.newBuilder(URI.create(GATEWAY + "/api/data/collections"))
								.header("Authorization", "Bearer " + token)
								.timeout(Duration.ofSeconds(10))
								.build(), BodyHandlers.ofString());
						if (response.statusCode() == 200) {
							served.incrementAndGet();
						}
						else {
							errors.add(response.statusCode() + " " + response.body());
						}
					}
					catch (Exception ex) {
						errors.add(ex.toString());
					}
				}
			}));
		}
		Thread.sleep(2000);
		ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
		Thread.sleep(8000);
		running.set(false);
		for (Thread client : clients) {
			client.join();
		}
		System.out.printf("%d GETs served around killing data-service-2, %d errors%n", served.get(), errors.size());
		assertThat(served.get()).isPositive();
		assertThat(errors).isEmpty();
	}

	@Test
	@Order(7)
	void aServiceWithNoLiveInstanceAnswers503AndIsRoutedAgainOnceStarted() throws Exception {
		for (JsonNode component : components()) {
			if (component.path("name").asString().startsWith("data-service")) {
				ProcessHandle.of(component.path("pid").asLong()).ifPresent(ProcessHandle::destroyForcibly);
			}
		}
		long started = System.nanoTime();
		HttpResponse<String> down = get(GATEWAY + "/api/data/collections", "*/*");
		System.out.printf("503 after %d ms%n", (System.nanoTime() - started) / 1_000_000);
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).isPresent();
		assertThat(json.readTree(down.body()).path("code").asString()).isEqualTo("service_unavailable");

		Result start = keel.run("start", "data-service");
		assertThat(start.exitCode()).as(start.output()).isZero();
		long restarted = System.nanoTime();
		while (get(GATEWAY + "/api/data/collections", "*/*").statusCode() == 503) {
			if (System.nanoTime() - restarted > Duration.ofSeconds(60).toNanos()) {
				fail("data-service was not routed again within 60 s of starting");
			}
			Thread.sleep(200);
		}
		System.out.printf("routed again %d ms after keel start returned%n",
				(System.nanoTime() - restarted) / 1_000_000);
	}

	private static List<JsonNode> components() throws Exception {
		return RunningPlatform.components();
	}

	/** Requests a data-service instance has served, by its own metrics. */
	private static long served(int managementPort) throws Exception {
		String metrics = get("http://localhost:" + managementPort + "/actuator/prometheus", "text/plain").body();
		return metrics.lines()
			.filter((line) -> line.startsWith("http_server_requests_seconds_count") && !line.contains("actuator"))
			.mapToLong((line) -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** A GET that must answer within 5 s: the platform never hangs a client. */
	private static HttpResponse<String> get(String uri, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(uri))
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(5))
			.GET()
			.build(), BodyHandlers.ofString());
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("localhost", port), 300);
			return true;
		}
		catch (java.io.IOException ex) {
			return false;
		}
	}

}
