package dev.keel.storage.object;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Service;

import dev.keel.events.storage.FileUploaded;
import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.blob.BlobTooLargeException;
import dev.keel.storage.blob.StoredBlob;
import dev.keel.storage.bucket.AccessRefusedException;
import dev.keel.storage.bucket.Bucket;
import dev.keel.storage.bucket.BucketService;
import dev.keel.support.access.AccessDecision;
import dev.keel.support.access.AccessRule;
import dev.keel.support.security.CurrentCaller;

/**
 * Stores uploaded files as they stream in, never holding one in memory: the first bytes
 * decide the type (refused before anything is stored), the blob store counts the rest
 * against the bucket's limit, and the metadata is written last, so a refused or cut-off
 * upload leaves nothing behind.
 */
@Service
class UploadService {

	private static final SecureRandom random = new SecureRandom();

	private final BucketService buckets;

	private final BlobStore blobs;

	private final ObjectStore objects;

	private final Usage usage;

	private final Clock clock = Clock.systemUTC();

	UploadService(BucketService buckets, BlobStore blobs, ObjectStore objects, Usage usage) {
		this.buckets = buckets;
		this.blobs = blobs;
		this.objects = objects;
		this.usage = usage;
	}

	/**
	 * Where an upload goes and who will own it, checked before any of the body is read.
	 * @param declaredSize the body's {@code Content-Length} when it is the file's size,
	 * else {@code -1}
	 * @throws AccessRefusedException when the bucket's {@code create} rule refuses the
	 * caller
	 * @throws ObjectRejectedException 413 when the declared size is over the limit
	 */
	Target target(String bucketName, Optional<CurrentCaller> caller, long declaredSize) {
		Bucket bucket = this.buckets.require(bucketName);
		AccessRule rule = bucket.access().create();
		AccessDecision decision = rule.decide(caller);
		if (decision instanceof AccessDecision.Unauthenticated || decision instanceof AccessDecision.Forbidden) {
			throw new AccessRefusedException(rule, decision);
		}
		if (declaredSize > bucket.maxFileSize()) {
			throw ObjectRejectedException.tooLarge(bucket.maxFileSize());
		}
		return new Target(bucket, caller.map(CurrentCaller::subject).orElse(null), declaredSize);
	}

	/**
	 * Stores one file.
	 * @param target where it goes
	 * @param name its display name
	 * @param content its bytes, read to the end (not closed)
	 * @return its metadata
	 * @throws ObjectRejectedException 400, 413 or 415, with nothing stored
	 * @throws IOException if the bytes cannot be read or stored
	 */
	StoredObject upload(Target target, String name, InputStream content) throws IOException {
		Bucket bucket = target.bucket();
		String displayName = ObjectNames.normalize(name);
		byte[] head = content.readNBytes(ContentTypes.HEAD);
		String type = ContentTypes.detect(head, displayName);
		if (!bucket.allows(type)) {
			throw new ObjectRejectedException(ObjectRejectedException.Reason.TYPE, "type_not_allowed",
					"This bucket does not take " + type + " files (detected from the content).");
		}
		boolean reserved = target.declaredSize() >= 0 && reserve(target, target.declaredSize());
		String id = new ObjectId().toHexString();
		String key = BlobKeys.file(bucket.id(), id);
		StoredBlob blob;
		try {
			blob = this.blobs.write(key, new SequenceInputStream(new ByteArrayInputStream(head), content),
					bucket.maxFileSize());
		}
		catch (BlobTooLargeException ex) {
			release(target, reserved ? target.declaredSize() : 0);
			throw ObjectRejectedException.tooLarge(bucket.maxFileSize());
		}
		catch (IOException | RuntimeException ex) {
			release(target, reserved ? target.declaredSize() : 0);
			throw ex;
		}
		long counted = reserved ? target.declaredSize() : 0;
		try {
			account(target, reserved, blob.size());
			counted = blob.size();
			Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
			StoredObject object = new StoredObject(id, bucket.id(), bucket.name(), displayName, blob.size(), type,
					blob.sha256(), target.owner(), signingKey(), now, now);
			this.objects.insert(object, FileUploaded.of(bucket.name(), id, displayName, blob.size(), type,
					blob.sha256(), target.owner(), target.owner(), bucket.access().read().text()));
			return object;
		}
		catch (RuntimeException ex) {
			this.blobs.delete(key);
			release(target, counted);
			throw ex;
		}
	}

	/** Reserves bytes against the quota before the blob is written. */
	private boolean reserve(Target target, long bytes) {
		if (target.owner() == null) {
			return false;
		}
		if (!this.usage.reserve(target.bucket().id(), target.owner(), bytes, target.bucket().quotaPerUser())) {
			throw ObjectRejectedException.quotaExceeded(target.bucket().quotaPerUser());
		}
		return true;
	}

	/** Counts the written bytes, when they were not reserved before (or differ). */
	private void account(Target target, boolean reserved, long size) {
		if (target.owner() == null) {
			return;
		}
		if (!reserved) {
			reserve(target, size);
		}
		else if (size != target.declaredSize()) {
			this.usage.release(target.bucket().id(), target.owner(), target.declaredSize() - size);
		}
	}

	private void release(Target target, long bytes) {
		if (bytes > 0 && target.owner() != null) {
			this.usage.release(target.bucket().id(), target.owner(), bytes);
		}
	}

	private static String signingKey() {
		byte[] key = new byte[24];
		random.nextBytes(key);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
	}

	/**
	 * An upload's destination.
	 *
	 * @param bucket the bucket
	 * @param owner who will own the file, {@code null} for an anonymous upload
	 * @param declaredSize the file's size when known before reading, else {@code -1}
	 */
	record Target(Bucket bucket, String owner, long declaredSize) {
	}

}
