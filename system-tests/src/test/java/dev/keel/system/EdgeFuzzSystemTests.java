package dev.keel.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed requests across every route of the platform, through the gateway over raw
 * sockets (so that nothing tidies them up on the way): bad JSON, wrong types, huge
 * headers, odd methods and paths, broken encodings and bad tokens. None may get a 5xx
 * other than a 503 from a service that is away, and none may hang.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 98)
class EdgeFuzzSystemTests {

	private static final int REQUESTS = 2400;

	private static final int PORT = KeelCli.port(8080);

	private static final List<String> ROUTES = List.of("POST /api/auth/signup", "POST /api/auth/token",
			"POST /api/auth/revoke", "POST /api/auth/logout", "GET /api/auth/me", "PATCH /api/auth/me",
			"POST /api/auth/me/password", "POST /api/auth/email/verify", "POST /api/auth/email/resend",
			"POST /api/auth/password/forgot", "POST /api/auth/password/reset", "GET /api/auth/.well-known/jwks.json",
			"GET /api/auth/.well-known/openid-configuration", "GET /api/auth/admin/users?email=x&limit=5",
			"GET /api/auth/admin/users/u1", "PATCH /api/auth/admin/users/u1", "POST /api/auth/admin/clients",
			"DELETE /api/auth/admin/clients/c1", "GET /api/data/collections", "PUT /api/data/collections/fuzz",
			"GET /api/data/collections/fuzz", "DELETE /api/data/collections/fuzz",
			"GET /api/data/collections/fuzz/documents?filter=a==1&sort=-b&limit=5",
			"POST /api/data/collections/fuzz/documents", "GET /api/data/collections/fuzz/documents/d1",
			"PUT /api/data/collections/fuzz/documents/d1", "PATCH /api/data/collections/fuzz/documents/d1",
			"DELETE /api/data/collections/fuzz/documents/d1", "GET /api/data/collections/fuzz/count?filter=a==1",
			"GET /api/notifications?unread=true&limit=5", "GET /api/notifications/unread-count",
			"POST /api/notifications/n1/read", "POST /api/notifications/read-all", "DELETE /api/notifications/n1",
			"POST /api/notifications/stream-ticket", "POST /api/notifications/subscriptions",
			"GET /api/notifications/subscriptions", "DELETE /api/notifications/subscriptions/s1",
			"GET /api/notifications/preferences", "PUT /api/notifications/preferences",
			"POST /api/notifications/webhooks", "GET /api/notifications/webhooks",
			"DELETE /api/notifications/webhooks/w1", "GET /api/notifications/webhooks/w1/deliveries",
			"POST /api/notifications/webhooks/w1/deliveries/d1/retry", "GET /account/verify-email?token=x",
			"POST /account/verify-email", "POST /account/reset-password", "POST /account/forgot-password", "GET /docs",
			"GET /api/nope");

	private static final List<String> BODIES = List.of("{", "}", "[]", "null", "\"text\"", "12", "{\"a\":",
			"{\"email\": 5, \"password\": []}", "{\"email\": \"x@y.z\", \"password\": {\"$gt\": \"\"}}",
			"{\"title\": null, \"_id\": {\"$ne\": 1}}", "{\"a\": 1, \"a\": 2}", "{\"url\": \"file:///etc/passwd\"}",
			"{\"collection\": \"../../x\", \"events\": [1, 2]}", "{\"email\": true, \"inApp\": \"yes\"}",
			"{\"roles\": \"admin\", \"disabled\": \"maybe\"}", "\u0000\u0001\u0002", "{\"x\": \"\\ud800\"}",
			"{\"n\": 1e999999}", "{\"n\": -0.0e-99999}", "grant_type=password&username=", "token=%zz&newPassword=%",
			"a".repeat(70_000), "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(2000) + "1" + "}".repeat(2000));

	private static final List<String> CONTENT_TYPES = List.of("application/json", "application/merge-patch+json",
			"application/x-www-form-urlencoded", "text/plain", "application/xml", "multipart/form-data; boundary=x",
			"application/json; charset=latin-7", "", "*/*", "application/json\u0000");

	private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS",
			"TRACE", "PROPFIND", "FOO", "get", "CONNECT");

	private static final List<String> PATH_TWISTS = List.of("%", "%zz", "%C0%AF", "%00", "/..%2f..%2fetc", "//", "/./",
			";jsessionid=1", "?%", "?a=%E0%A4%A", "/\u00e9\u00e8", "/" + "x".repeat(4000), "#frag",
			"?filter=" + "(".repeat(500), "?limit=-1", "?limit=99999999999", "?cursor=%%%", "/%2e%2e/%2e%2e");

	private final Random random = new Random(20261124);

	@Test
	void malformedRequestsAcrossEveryRouteGetNo5xxAndNeverHang() throws Exception {
		String token = DataFixtures.newUser().token();
		List<byte[]> requests = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			requests.add(request(token));
		}
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		List<String> failures = new CopyOnWriteArrayList<>();
		try (ExecutorService workers = Executors.newFixedThreadPool(4)) {
			List<Future<?>> sent = new ArrayList<>();
			for (byte[] request : requests) {
				sent.add(workers.submit(() -> {
					int status = send(request, failures);
					statuses.computeIfAbsent(status, (key) -> new AtomicInteger()).incrementAndGet();
				}));
			}
			for (Future<?> future : sent) {
				future.get();
			}
		}
		System.out.printf("%d malformed requests, answers by status: %s%n", REQUESTS, new TreeMap<>(statuses));
		assertThat(failures).as("requests that got a 5xx or hung").isEmpty();
		assertThat(statuses.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS);
	}

	private byte[] request(String validToken) {
		String route = pick(ROUTES);
		String method = route.substring(0, route.indexOf(' '));
		String target = route.substring(route.indexOf(' ') + 1);
		StringBuilder head = new StringBuilder();
		switch (this.random.nextInt(6)) {
			case 0 -> method = pick(METHODS);
			case 1 -> target = target + pick(PATH_TWISTS);
			case 2 -> target = target.replace("fuzz",
					pick(List.of("%ZZ", "F-U-Z-Z", "a".repeat(300), "$where", "__proto__", "%2F", "..")));
			default -> {
			}
		}
		head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
		head.append("Host: localhost:").append(PORT).append("\r\n");
		head.append("Connection: close\r\n");
		head.append(authorization(validToken));
		if (this.random.nextInt(8) == 0) {
			head.append("X-Fuzz: ").append("h".repeat(1 + this.random.nextInt(40_000))).append("\r\n");
		}
		if (this.random.nextInt(10) == 0) {
			head.append("X-User-Id: admin-1\r\nX-Forwarded-User: admin\r\n");
		}
		byte[] body = new byte[0];
		if (!method.equals("GET") || this.random.nextInt(4) == 0) {
			body = pick(BODIES).getBytes(StandardCharsets.UTF_8);
			if (this.random.nextInt(10) == 0) {
				body = new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
			}
			String type = pick(CONTENT_TYPES);
			if (!type.isEmpty()) {
				head.append("Content-Type: ").append(type).append("\r\n");
			}
			head.append("Content-Length: ").append(body.length).append("\r\n");
		}
		head.append("\r\n");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
		bytes.writeBytes(body);
		return bytes.toByteArray();
	}

	private String authorization(String validToken) {
		return switch (this.random.nextInt(8)) {
			case 0, 1 -> "Authorization: Bearer " + validToken + "\r\n";
			case 2 -> "Authorization: Bearer not.a.token\r\n";
			case 3 -> "Authorization: Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsInJvbGVzIjpbImFkbWluIl19.\r\n";
			case 4 -> "Authorization: Basic YWRtaW46YWRtaW4=\r\n";
			case 5 -> "Authorization: Bearer " + validToken.substring(0, validToken.length() - 4) + "AAAA\r\n";
			case 6 -> "Authorization: Bearer " + "x".repeat(9000) + "\r\n";
			default -> "";
		};
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * Sends one request; returns its status, or -1 when the server closed without one.
	 */
	private static int send(byte[] request, List<String> failures) {
		String first = new String(request, 0, Math.min(120, request.length), StandardCharsets.ISO_8859_1).lines()
			.findFirst()
			.orElse("");
		try (Socket socket = new Socket("localhost", PORT)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			try {
				out.write(request);
				out.flush();
			}
			catch (IOException ex) {
				// the server may refuse a huge request before reading all of it; its
				// answer still counts
			}
			String status = statusLine(socket.getInputStream());
			if (status == null) {
				return -1;
			}
			int code = Integer.parseInt(status.substring(9, 12));
			if (code >= 500 && code != 503) {
				failures.add(code + " for " + first);
			}
			return code;
		}
		catch (SocketTimeoutException ex) {
			failures.add("no answer within 20 s for " + first);
			return -2;
		}
		catch (IOException ex) {
			return -1;
		}
	}

	private static String statusLine(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		int c;
		while ((c = in.read()) != -1 && c != '\n') {
			line.append((char) c);
		}
		String status = line.toString().strip();
		return status.startsWith("HTTP/1.1 ") && status.length() >= 12 ? status : null;
	}

}
