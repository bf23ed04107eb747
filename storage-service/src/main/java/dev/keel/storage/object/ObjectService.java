package dev.keel.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import dev.keel.events.storage.FileDeleted;
import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobNotFoundException;
import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.bucket.AccessRefusedException;
import dev.keel.storage.bucket.Bucket;
import dev.keel.storage.bucket.BucketService;
import dev.keel.storage.object.SignedUrls.SignedUrl;
import dev.keel.support.access.AccessDecision;
import dev.keel.support.access.AccessRule;
import dev.keel.support.security.CurrentCaller;

/**
 * Lists, reads and deletes objects under their bucket's rules. Objects the caller may not
 * read do not exist for them: not by id, not in listings.
 */
@Service
class ObjectService {

	private static final Logger log = LoggerFactory.getLogger(ObjectService.class);

	private static final Pattern ID = Pattern.compile("[0-9a-f]{24}");

	private final BucketService buckets;

	private final ObjectStore objects;

	private final BlobStore blobs;

	private final Usage usage;

	private final SignedUrls signedUrls;

	ObjectService(BucketService buckets, ObjectStore objects, BlobStore blobs, Usage usage, SignedUrls signedUrls) {
		this.buckets = buckets;
		this.objects = objects;
		this.blobs = blobs;
		this.usage = usage;
		this.signedUrls = signedUrls;
	}

	/**
	 * A page of the objects the caller may read.
	 * @param after the last id of the previous page, or {@code null}
	 */
	List<StoredObject> list(String bucketName, String prefix, String after, int limit, Optional<CurrentCaller> caller) {
		Bucket bucket = this.buckets.require(bucketName);
		String owner = ownerScope(bucket.access().read(), caller);
		return this.objects.page(bucket.id(), owner, ObjectNames.prefix(prefix), after, limit);
	}

	/** An object the caller may read. */
	StoredObject get(String bucketName, String id, Optional<CurrentCaller> caller) {
		Bucket bucket = this.buckets.require(bucketName);
		return find(bucket, id, bucket.access().read(), caller);
	}

	/**
	 * An object to download: by the bucket's {@code read} rule, or, when the request has
	 * a signature, by the signed URL alone.
	 */
	Download download(String bucketName, String id, Optional<CurrentCaller> caller, String expires, String signature) {
		Bucket bucket = this.buckets.require(bucketName);
		if (signature == null && expires == null) {
			return new Download(find(bucket, id, bucket.access().read(), caller), bucket.publiclyReadable(),
					bucket.thumbnails());
		}
		StoredObject object = find(bucket, id, new AccessRule.Public(), Optional.empty());
		this.signedUrls.verify(object, expires, signature);
		return new Download(object, false, bucket.thumbnails());
	}

	/** Opens an object's bytes, {@code length} of them from {@code offset}. */
	InputStream open(StoredObject object, long offset, long length) throws IOException {
		try {
			return this.blobs.read(BlobKeys.file(object.bucketId(), object.id()), offset, length);
		}
		catch (BlobNotFoundException ex) {
			// Deleted between reading its metadata and its bytes.
			throw ObjectRejectedException.notFound(object.id());
		}
	}

	/** A signed URL for an object the caller may read. */
	SignedUrl sign(String bucketName, String id, Long expiresIn, Optional<CurrentCaller> caller) {
		Bucket bucket = this.buckets.require(bucketName);
		StoredObject object = find(bucket, id, bucket.access().read(), caller);
		Duration max = this.signedUrls.maxExpiry();
		if (expiresIn == null || expiresIn < 1 || expiresIn > max.toSeconds()) {
			throw ObjectRejectedException.invalid("expiresIn", "must be from 1 to " + max.toSeconds() + " seconds");
		}
		return this.signedUrls.sign(object, Duration.ofSeconds(expiresIn));
	}

	/**
	 * Deletes an object the caller may delete: its metadata first (from then on it is
	 * gone, and its signed URLs with it), then its bytes and thumbnails. A crash between
	 * the two leaves a blob nobody can reach, which is harmless.
	 */
	void delete(String bucketName, String id, Optional<CurrentCaller> caller) throws IOException {
		Bucket bucket = this.buckets.require(bucketName);
		StoredObject object = find(bucket, id, bucket.access().delete(), caller);
		FileDeleted event = FileDeleted.of(bucket.name(), object.id(), object.name(), object.size(),
				object.contentType(), object.sha256(), object.owner(), caller.map(CurrentCaller::subject).orElse(null),
				bucket.access().read().text());
		if (!this.objects.delete(object, event)) {
			throw ObjectRejectedException.notFound(id);
		}
		if (object.owner() != null) {
			this.usage.release(bucket.id(), object.owner(), object.size());
		}
		try {
			this.blobs.delete(BlobKeys.file(bucket.id(), object.id()));
			this.blobs.deleteAll(BlobKeys.thumbnailsOf(bucket.id(), object.id()));
		}
		catch (IOException ex) {
			log.warn("Deleted object {} left its blob behind: {}", object.id(), ex.getMessage());
		}
	}

	private StoredObject find(Bucket bucket, String id, AccessRule rule, Optional<CurrentCaller> caller) {
		String owner = ownerScope(rule, caller);
		return (ID.matcher(id).matches() ? this.objects.find(bucket.id(), id) : Optional.<StoredObject>empty())
			.filter((object) -> owner == null || owner.equals(object.owner()))
			.orElseThrow(() -> ObjectRejectedException.notFound(id));
	}

	/**
	 * The owner the caller is restricted to under a rule, {@code null} for none.
	 * @throws AccessRefusedException when the rule refuses the caller
	 */
	private static String ownerScope(AccessRule rule, Optional<CurrentCaller> caller) {
		AccessDecision decision = rule.decide(caller);
		return switch (decision) {
			case AccessDecision.Everything everything -> null;
			case AccessDecision.OwnOnly own -> own.subject();
			case AccessDecision.Unauthenticated unauthenticated -> throw new AccessRefusedException(rule, decision);
			case AccessDecision.Forbidden forbidden -> throw new AccessRefusedException(rule, decision);
		};
	}

	/**
	 * An object to send.
	 *
	 * @param object its metadata
	 * @param shared whether caches may keep it (a public bucket)
	 * @param thumbnailSizes the thumbnail sizes its bucket allows, such as
	 * {@code 200x200}
	 */
	record Download(StoredObject object, boolean shared, List<String> thumbnailSizes) {
	}

}
