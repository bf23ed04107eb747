package dev.keel.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.keel.bench.Operation.UnexpectedAnswer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DataApiTests {

	private final List<String> seen = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private volatile int status = 200;

	private volatile String body = "{\"items\":[]}";

	private DataApi api;

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.api = new DataApi(HttpClient.newHttpClient(),
				URI.create("http://localhost:" + this.server.getAddress().getPort()), () -> "t0k3n");
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	@Test
	void theQueryAsksForOpenItemsOfPriorityThreeOrMoreTwentyAtATimeWithTheAdminsToken() throws Exception {
		this.api.queryOperation().call();
		assertThat(this.seen).containsExactly(
				"GET /api/data/collections/bench_items/documents filter=status==open;priority=ge=3&limit=20 Bearer t0k3n");
	}

	@Test
	void createPostsASmallDocumentAndExpects201() throws Exception {
		this.status = 201;
		this.body = "{\"_id\":\"6753a1b2c3d4e5f601234567\",\"title\":\"x\"}";
		assertThat(this.api.create(BenchItems.seeded(4))).isEqualTo("6753a1b2c3d4e5f601234567");
		assertThat(this.seen.getFirst()).startsWith("POST /api/data/collections/bench_items/documents");
	}

	@Test
	void aWrongStatusIsAFailureNamedByStatusAndProblemCode() {
		this.status = 503;
		this.body = "{\"status\":503,\"code\":\"service_unavailable\"}";
		assertThatExceptionOfType(UnexpectedAnswer.class).isThrownBy(() -> this.api.getOperation(List.of("abc")).call())
			.withMessage("get: HTTP 503 service_unavailable");
		this.status = 201;
		this.body = "";
		assertThatExceptionOfType(UnexpectedAnswer.class).isThrownBy(() -> this.api.queryOperation().call())
			.withMessage("query: HTTP 201");
	}

	@Test
	void deletingAMissingCollectionIsFine() throws Exception {
		this.status = 404;
		this.body = "{\"code\":\"collection_not_found\"}";
		assertThat(this.api.delete()).isFalse();
	}

	private void answer(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
				+ ((exchange.getRequestURI().getQuery() != null) ? " " + exchange.getRequestURI().getQuery() : "") + " "
				+ exchange.getRequestHeaders().getFirst("Authorization"));
		byte[] bytes = this.body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(this.status, (bytes.length == 0) ? -1 : bytes.length);
		if (bytes.length > 0) {
			exchange.getResponseBody().write(bytes);
		}
		exchange.close();
	}

}
