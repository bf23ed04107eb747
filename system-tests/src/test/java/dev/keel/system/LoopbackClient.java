package dev.keel.system;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * HTTP/1.1 requests to the gateway sent from a chosen source address in 127.0.0.0/8, so
 * that one test machine appears as many clients, each with its own IP: the gateway's
 * per-IP rate limits and auth-service's per-account rules meet distinct addresses as they
 * would on a network. Linux routes all of 127.0.0.0/8 to the loopback interface.
 */
final class LoopbackClient {

	private LoopbackClient() {
	}

	/**
	 * The {@code n}-th client's source address (n below 62,500): 127.1.0.1, 127.1.0.2,
	 * ..., 127.1.0.250, 127.1.1.1, ...; never the gateway's own 127.0.0.1.
	 */
	static String address(int n) {
		return "127.1." + (n / 250) + "." + (1 + n % 250);
	}

	/** A form POST through the gateway from the {@code n}-th client's address. */
	static Answer postForm(int n, String path, String form) {
		return post(n, path, "application/x-www-form-urlencoded", form);
	}

	/** A JSON POST through the gateway from the {@code n}-th client's address. */
	static Answer postJson(int n, String path, String json) {
		return post(n, path, "application/json", json);
	}

	private static Answer post(int n, String path, String contentType, String text) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: localhost:" + KeelCli.port(8080) + "\r\nContent-Type: "
				+ contentType + "\r\nAccept: application/json\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address(n), 0));
			socket.connect(new InetSocketAddress("127.0.0.1", KeelCli.port(8080)), 5_000);
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return Answer.parse(readAll(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new AssertionError("POST " + path + " from " + address(n) + " failed: " + ex.getMessage(), ex);
		}
	}

	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		in.transferTo(all);
		return all.toByteArray();
	}

	/** A response: status, headers (lower-case names) and body text. */
	record Answer(int status, Map<String, String> headers, String body) {

		static Answer parse(byte[] raw) {
			// Latin-1 maps each byte to one char, so chunk sizes (in bytes) index the
			// text.
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new AssertionError("Not an HTTP response: " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).strip());
			}
			String body = text.substring(end + 4);
			if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
				body = dechunk(body);
			}
			return new Answer(status, headers,
					new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
		}

		private static String dechunk(String chunked) {
			StringBuilder body = new StringBuilder();
			int at = 0;
			while (at < chunked.length()) {
				int lineEnd = chunked.indexOf("\r\n", at);
				int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
				at = lineEnd + 2 + size + 2;
			}
			return body.toString();
		}

		String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

		JsonNode json() {
			try {
				return Api.json.readTree(this.body);
			}
			catch (RuntimeException ex) {
				return Api.json.missingNode();
			}
		}

		@Override
		public String toString() {
			return this.status + " " + this.headers + " " + this.body;
		}

	}

}
