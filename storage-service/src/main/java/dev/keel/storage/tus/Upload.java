package dev.keel.storage.tus;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A resumable upload as stored.
 *
 * @param id the upload's id, unguessable: with the bucket's {@code create} rule
 * {@code public}, it is the only thing that ties a chunk to its upload
 * @param bucket the bucket's name
 * @param owner the subject that created it, or {@code null} when anonymous; only it may
 * continue it
 * @param name the file's name
 * @param length the file's size
 * @param offset the bytes received so far
 * @param chunks the offsets at which each stored chunk starts, in order
 * @param expiresAt when it is forgotten unless a chunk arrives before
 * @param objectId the file it became, once complete
 */
record Upload(String id, String bucket, @Nullable String owner, String name, long length, long offset,
		List<Long> chunks, Instant expiresAt, @Nullable String objectId) {

	boolean complete() {
		return this.objectId != null;
	}

	boolean expired(Instant now) {
		return !complete() && !this.expiresAt.isAfter(now);
	}

	boolean belongsTo(@Nullable String subject) {
		return (this.owner == null) ? subject == null : this.owner.equals(subject);
	}

}
