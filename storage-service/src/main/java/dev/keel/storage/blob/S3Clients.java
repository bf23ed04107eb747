package dev.keel.storage.blob;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.LegacyMd5Plugin;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * Makes the synchronous S3 client of the S3 backend (its HTTP client is the SDK's Apache
 * 5 one, the only one on the class path).
 */
public final class S3Clients {

	private S3Clients() {
	}

	/**
	 * A client for AWS S3 or any S3-compatible store.
	 * @param endpoint the store's endpoint, or empty for AWS S3 itself
	 * @param region the region
	 * @param accessKey the access key id, or empty for the SDK's default credentials
	 * (environment, profile, container or instance role)
	 * @param secretKey the secret access key
	 * @param pathStyle whether to put the bucket in the path rather than in the host name
	 * @return the client
	 */
	public static S3Client create(String endpoint, String region, String accessKey, String secretKey,
			boolean pathStyle) {
		S3ClientBuilder builder = S3Client.builder()
			.region(Region.of(region))
			.credentialsProvider(credentials(accessKey, secretKey))
			.forcePathStyle(pathStyle);
		if (hasText(endpoint)) {
			// S3-compatible stores do not all accept the SDK's newer default checksums
			// (CRC32
			// trailers on every upload, CRC32 in place of Content-MD5 on batch deletes):
			// send checksums only where S3 requires them, and there the classic
			// Content-MD5. The blob's SHA-256 is computed while it is read anyway.
			builder.endpointOverride(URI.create(endpoint))
				.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
				.responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
				.addPlugin(LegacyMd5Plugin.create());
		}
		return builder.build();
	}

	private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
		if (hasText(accessKey)) {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
		}
		return DefaultCredentialsProvider.builder().build();
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
