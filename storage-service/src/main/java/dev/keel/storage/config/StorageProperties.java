package dev.keel.storage.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How storage-service stores files ({@code keel.storage}).
 *
 * @param backend {@code local} or {@code s3}
 * @param dir the local backend's folder
 * @param s3 the S3 backend's settings
 * @param signingSecret the HMAC key of signed URLs
 * @param signedUrlMaxExpiry the longest a signed URL may live
 * @param maxFileSize the largest file any bucket may allow
 * @param thumbnailMaxPixels images with more pixels are not decoded for thumbnails
 * @param uploadMaxChunks the most chunks a resumable upload may be sent in
 * @param uploadExpiry how long an unfinished resumable upload is kept after its last
 * chunk
 */
@ConfigurationProperties("keel.storage")
public record StorageProperties(@DefaultValue("local") String backend, @DefaultValue("./storage-data") String dir,
		@DefaultValue S3 s3, String signingSecret, @DefaultValue("1h") Duration signedUrlMaxExpiry,
		@DefaultValue("5GB") DataSize maxFileSize, @DefaultValue("40000000") long thumbnailMaxPixels,
		@DefaultValue("24h") Duration uploadExpiry, @DefaultValue("10000") int uploadMaxChunks) {

	/** The published local-development signing secret, refused in production. */
	public static final String DEVELOPMENT_SIGNING_SECRET = "keel-local-dev-storage-signing-secret";

	/**
	 * The S3 backend's settings.
	 *
	 * @param endpoint the endpoint of an S3-compatible store; empty for AWS itself
	 * @param region the region
	 * @param bucket the S3 bucket that holds every Keel bucket's files
	 * @param accessKey the access key id; empty for the SDK's default credentials
	 * @param secretKey the secret access key
	 * @param pathStyle whether to address the bucket in the path (most S3-compatible
	 * stores)
	 */
	public record S3(String endpoint, @DefaultValue("us-east-1") String region, String bucket, String accessKey,
			String secretKey, @DefaultValue("true") boolean pathStyle) {

		@Override
		public String toString() {
			return "S3[endpoint=" + this.endpoint + ", region=" + this.region + ", bucket=" + this.bucket
					+ ", accessKey=" + this.accessKey + ", pathStyle=" + this.pathStyle + "]";
		}

	}

	@Override
	public String toString() {
		return "StorageProperties[backend=" + this.backend + ", dir=" + this.dir + ", s3=" + this.s3
				+ ", signedUrlMaxExpiry=" + this.signedUrlMaxExpiry + ", maxFileSize=" + this.maxFileSize
				+ ", thumbnailMaxPixels=" + this.thumbnailMaxPixels + ", uploadExpiry=" + this.uploadExpiry
				+ ", uploadMaxChunks=" + this.uploadMaxChunks + "]";
	}

}
