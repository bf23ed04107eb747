package dev.keel.storage.blob;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import static org.assertj.core.api.Assertions.assertThat;

/** What the S3 client sends an S3-compatible store, seen on the wire. */
class S3ClientsTests {

	@Test
	void aBatchDeleteCarriesContentMd5ForStoresThatRequireIt() throws IOException {
		Map<String, String> headers = new ConcurrentHashMap<>();
		HttpServer store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		store.createContext("/", (exchange) -> {
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
			exchange.getRequestBody().readAllBytes();
			byte[] body = "<DeleteResult/>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		store.start();
		try (S3Client client = S3Clients.create("http://127.0.0.1:" + store.getAddress().getPort(), "us-east-1",
				"access", "secret", true)) {
			client.deleteObjects((request) -> request.bucket("keel")
				.delete((delete) -> delete.objects(ObjectIdentifier.builder().key("files/b1/o1").build())));
		}
		finally {
			store.stop(0);
		}

		assertThat(headers).containsKey("content-md5");
	}

}
