package dev.keel.gateway;

import java.time.Duration;

import dev.keel.gateway.Backend.Echo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /api/storage/**}: files stream to storage-service past the gateway's 1 MiB body
 * limit, which still holds everywhere else; object reads and writes reach the service
 * without a token (its bucket rules decide), bucket definitions need one.
 */
class StorageRouteIntegrationTests extends GatewayTestSupport {

	private static final int MIB = 1024 * 1024;

	@Test
	void filesAreRoutedToStorageService() {
		Echo echo = this.client.get()
			.uri("/api/storage/buckets?limit=5")
			.headers(tokens::authorize)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.backend()).isEqualTo("storage-1");
		assertThat(echo.path()).isEqualTo("/api/storage/buckets");
		assertThat(echo.rawQuery()).isEqualTo("limit=5");
	}

	@Test
	void anUploadLargerThanTheBodyLimitStreamsToTheService() {
		Echo echo = this.client.post()
			.uri("/api/storage/buckets/photos/objects?name=big.bin")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.bodyValue(new byte[5 * MIB])
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.backend()).isEqualTo("storage-1");
		assertThat(echo.bodyLength()).isEqualTo(5 * MIB);
		assertThat(echo.headers()).containsEntry("content-length", String.valueOf(5 * MIB));
	}

	@Test
	void aChunkedUploadLargerThanTheBodyLimitStreamsToTheServiceAsItArrives() {
		Echo echo = this.client.post()
			.uri("/api/storage/buckets/photos/objects?name=big.bin")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(chunked(5 * MIB), DataBuffer.class)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.headers()).containsEntry("transfer-encoding", "chunked");
		assertThat(echo.bodyLength()).isEqualTo(5 * MIB);
	}

	@Test
	void anUploadReachesTheServiceWhileTheClientIsStillSendingIt() {
		int first = 64 * 1024;
		long before = storage.bodyBytesReceived();
		// The rest of the body follows only once the service has read the first part: a
		// gateway that collected the body before sending it on would never get it.
		Mono<Long> serviceHasTheFirstPart = Flux.interval(Duration.ofMillis(10))
			.map((tick) -> storage.bodyBytesReceived() - before)
			.filter((received) -> received >= first)
			.next()
			.timeout(Duration.ofSeconds(10));
		Flux<DataBuffer> body = Flux.concat(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(new byte[first])),
				serviceHasTheFirstPart.thenMany(chunked(2 * MIB)));
		Echo echo = this.client.post()
			.uri("/api/storage/buckets/photos/objects?name=streamed.bin")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_OCTET_STREAM)
			.body(body, DataBuffer.class)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.bodyLength()).isEqualTo(first + 2 * MIB);
	}

	@Test
	void theSameBodyIsStillTooLargeForEveryOtherRoute() {
		int before = dataServiceRequests();
		this.client.post()
			.uri("/api/data/collections/photos/documents")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[5 * MIB])
			.exchange()
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("payload_too_large");
		assertThat(dataServiceRequests()).isEqualTo(before);
	}

	@Test
	void aDotSegmentDoesNotTakeAnotherRoutesBodyPastTheLimit() {
		int before = storage.requests();
		this.client.post()
			.uri("/api/storage/../data/collections/photos/documents")
			.headers(tokens::authorize)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(new byte[5 * MIB])
			.exchange()
			.expectStatus()
			.isEqualTo(413);
		assertThat(storage.requests()).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/storage/buckets/photos/objects", "GET, /api/storage/buckets/photos/objects/f1",
			"GET, /api/storage/buckets/photos/objects/f1/content?expires=1893456000&signature=abc",
			"POST, /api/storage/buckets/photos/objects?name=a.png", "DELETE, /api/storage/buckets/photos/objects/f1",
			"POST, /api/storage/buckets/photos/uploads", "PATCH, /api/storage/buckets/photos/uploads/u1",
			"DELETE, /api/storage/buckets/photos/uploads/u1" })
	void objectReadsAndWritesReachTheServiceWithoutAToken(String method, String uri) {
		Echo echo = this.client.method(HttpMethod.valueOf(method))
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Echo.class)
			.returnResult()
			.getResponseBody();
		assertThat(echo.backend()).isEqualTo("storage-1");
		assertThat(echo.method()).isEqualTo(method);
		assertThat(echo.headers()).doesNotContainKey("authorization");
	}

	@ParameterizedTest
	@CsvSource({ "GET, /api/storage/buckets", "GET, /api/storage/buckets/photos", "PUT, /api/storage/buckets/photos",
			"DELETE, /api/storage/buckets/photos", "POST, /api/storage/buckets/photos/objects/f1/signed-url" })
	void bucketsAndSignedUrlsNeedAToken(String method, String uri) {
		int before = storage.requests();
		this.client.method(HttpMethod.valueOf(method))
			.uri(uri)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("unauthorized");
		assertThat(storage.requests()).isEqualTo(before);
	}

	// A body without Content-Length, sent as it is produced, in 64 KiB chunks.
	private static Flux<DataBuffer> chunked(int size) {
		int chunk = 64 * 1024;
		return Flux.range(0, size / chunk).map((i) -> DefaultDataBufferFactory.sharedInstance.wrap(new byte[chunk]));
	}

}
