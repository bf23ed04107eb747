package dev.keel.storage.blob;

import java.net.URI;

import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server in this process: S3Proxy over jclouds' in-memory blob
 * store, on a free port, checking AWS signatures (v2 or v4) against one key pair,
 * addressed path-style.
 */
public final class S3CompatibleServer implements AutoCloseable {

	public static final String ACCESS_KEY = "keel-test-access";

	public static final String SECRET_KEY = "keel-test-secret";

	public static final String REGION = "us-east-1";

	private final BlobStoreContext context;

	private final S3Proxy proxy;

	private S3CompatibleServer(BlobStoreContext context, S3Proxy proxy) {
		this.context = context;
		this.proxy = proxy;
	}

	public static S3CompatibleServer start() throws Exception {
		BlobStoreContext context = ContextBuilder.newBuilder("transient")
			.credentials(ACCESS_KEY, SECRET_KEY)
			.build(BlobStoreContext.class);
		S3Proxy proxy = S3Proxy.builder()
			.blobStore(context.getBlobStore())
			.endpoint(URI.create("http://127.0.0.1:0"))
			.awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
			// S3Proxy answers 501 to headers it does not know, among them the CRC32
			// checksum the SDK sends with every batch delete beside its Content-MD5
			// (gaul/s3proxy#962), which S3 and current S3-compatible stores accept.
			.ignoreUnknownHeaders(true)
			.build();
		proxy.start();
		while (!"STARTED".equals(proxy.getState())) {
			Thread.sleep(10);
		}
		return new S3CompatibleServer(context, proxy);
	}

	/**
	 * The server's address.
	 * @return an {@code http} URI on the loopback interface
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + this.proxy.getPort();
	}

	/**
	 * A client as the S3 backend makes it, with this server's key pair.
	 * @return a new client
	 */
	public S3Client client() {
		return S3Clients.create(endpoint(), REGION, ACCESS_KEY, SECRET_KEY, true);
	}

	/**
	 * Creates an empty bucket.
	 * @param name the bucket's name
	 */
	public void createBucket(String name) {
		try (S3Client client = client()) {
			client.createBucket((request) -> request.bucket(name));
		}
	}

	@Override
	public void close() throws Exception {
		this.proxy.stop();
		this.context.close();
	}

}
