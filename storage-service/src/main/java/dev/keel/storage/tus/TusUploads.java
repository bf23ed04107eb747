package dev.keel.storage.tus;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;

import dev.keel.storage.blob.BlobKeys;
import dev.keel.storage.blob.BlobStore;
import dev.keel.storage.blob.BlobTooLargeException;
import dev.keel.storage.blob.StoredBlob;
import dev.keel.storage.config.StorageProperties;
import dev.keel.storage.tus.UploadRejectedException.Reason;
import dev.keel.support.security.CurrentCaller;

/**
 * Resumable uploads: created with their length and name, continued chunk by chunk at the
 * offset the server reports, ended by the chunk that reaches the length, which makes the
 * file ({@link TusTarget}). Each chunk is a blob of its own under the upload's key, so a
 * chunk cut off mid-way keeps what arrived, and any instance can take the next one; the
 * file is made by reading the chunks back in order.
 */
@Service
class TusUploads {

	static final Duration LEASE = Duration.ofSeconds(15);

	private static final long RENEW_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

	private static final int HEAD_BYTES = 64 * 1024;

	private static final int MAX_NAME_LENGTH = 255;

	private final UploadStore store;

	private final BlobStore blobs;

	private final TusTarget target;

	private final Duration expiry;

	private final long maxFileSize;

	// Bounds an upload's record and the blobs its file is made of; clients send MiBs at a
	// time.
	private final int maxChunks;

	TusUploads(UploadStore store, BlobStore blobs, TusTarget target, StorageProperties properties) {
		this.store = store;
		this.blobs = blobs;
		this.target = target;
		this.expiry = properties.uploadExpiry();
		this.maxFileSize = properties.maxFileSize().toBytes();
		this.maxChunks = properties.uploadMaxChunks();
	}

	long maxFileSize() {
		return this.maxFileSize;
	}

	Upload create(String bucket, Optional<CurrentCaller> caller, @Nullable String lengthHeader,
			@Nullable String deferLengthHeader, @Nullable String metadataHeader) throws IOException {
		TusTarget.Limits limits = this.target.open(bucket, caller);
		if (deferLengthHeader != null) {
			throw invalid("Upload-Defer-Length is not supported: send Upload-Length with the file's size");
		}
		long length = number("Upload-Length", lengthHeader);
		long limit = Math.min(limits.maxFileSize(), this.maxFileSize);
		if (length > limit) {
			throw new UploadRejectedException(Reason.TOO_LARGE, "file_too_large",
					"The file is " + length + " bytes; this bucket takes at most " + limit + ".");
		}
		String name = name(metadataHeader);
		Instant now = Instant.now();
		Upload upload = new Upload(UUID.randomUUID().toString(), bucket, subject(caller), name, length, 0, List.of(),
				now.plus(this.expiry), null);
		this.store.insert(upload, now);
		if (length == 0) {
			return finish(upload, caller, List.of());
		}
		return upload;
	}

	/** The upload, if it is the caller's, in this bucket, and not expired; else 404. */
	Upload status(String bucket, String id, Optional<CurrentCaller> caller) {
		return this.store.find(id)
			.filter((upload) -> upload.bucket().equals(bucket) && upload.belongsTo(subject(caller))
					&& !upload.expired(Instant.now()))
			.orElseThrow(() -> new UploadRejectedException(Reason.NOT_FOUND, "upload_not_found",
					"No upload " + id + " in bucket " + bucket + " (it may have expired or been terminated)."));
	}

	/**
	 * Takes a chunk at {@code offset}.
	 * @return the upload after it
	 */
	Upload append(String bucket, String id, Optional<CurrentCaller> caller, @Nullable String offsetHeader,
			InputStream body) throws IOException {
		long offset = number("Upload-Offset", offsetHeader);
		Upload upload = status(bucket, id, caller);
		if (upload.complete() || upload.offset() != offset) {
			throw offsetMismatch(upload);
		}
		String token = UUID.randomUUID().toString();
		Upload locked = this.store.lock(id, offset, token, Instant.now(), LEASE).orElseThrow(() -> {
			Upload now = status(bucket, id, caller);
			return (now.complete() || now.offset() != offset) ? offsetMismatch(now)
					: new UploadRejectedException(Reason.LOCKED, "upload_locked",
							"Another request is sending a chunk of this upload; try again when it ends.");
		});
		boolean released = false;
		String key = BlobKeys.uploadChunk(id, offset);
		try {
			Runnable renew = () -> renew(id, token);
			InputStream chunk = ChunkBody.keepingWhatArrived(body, renew, RENEW_EVERY_NANOS);
			if (offset == 0) {
				chunk = checkedStart(locked, chunk);
			}
			StoredBlob stored = this.blobs.write(key, chunk, locked.length() - offset);
			if (stored.size() == 0) {
				this.blobs.delete(key);
				return locked;
			}
			long reached = offset + stored.size();
			if (reached < locked.length() && locked.chunks().size() + 1 >= this.maxChunks) {
				this.blobs.delete(key);
				throw new UploadRejectedException(Reason.INVALID, "too_many_chunks",
						"An upload takes at most " + this.maxChunks + " chunks, and this one would not be the last: "
								+ "send the rest in one request.");
			}
			if (reached < locked.length()) {
				if (!this.store.advance(id, token, offset, stored.size(), Instant.now().plus(this.expiry))) {
					this.blobs.delete(key);
					throw new LeaseLostException(id);
				}
				released = true;
				return this.store.find(id).orElseThrow();
			}
			List<Long> chunks = new ArrayList<>(locked.chunks());
			chunks.add(offset);
			Upload finished = finish(locked, caller, chunks, renew);
			released = true;
			return finished;
		}
		catch (BlobTooLargeException ex) {
			throw new UploadRejectedException(Reason.TOO_LARGE, "file_too_large",
					"The chunk goes past the upload's length of " + locked.length() + " bytes; nothing was kept.");
		}
		catch (LeaseLostException ex) {
			throw new UploadRejectedException(Reason.CONFLICT, "upload_taken",
					"Another request took this upload while this chunk was sent; ask for its offset (HEAD) and "
							+ "continue from there.");
		}
		finally {
			if (!released) {
				this.store.unlock(id, token);
			}
		}
	}

	void terminate(String bucket, String id, Optional<CurrentCaller> caller) throws IOException {
		Upload upload = status(bucket, id, caller);
		this.store.delete(upload.id());
		this.blobs.deleteAll(BlobKeys.upload(upload.id()));
	}

	/** Forgets uploads past their expiry; returns how many. */
	int expire(int limit) throws IOException {
		List<Upload> expired = this.store.expired(Instant.now(), limit);
		for (Upload upload : expired) {
			this.blobs.deleteAll(BlobKeys.upload(upload.id()));
			this.store.delete(upload.id());
		}
		return expired.size();
	}

	private InputStream checkedStart(Upload upload, InputStream chunk) throws IOException {
		BufferedInputStream buffered = new BufferedInputStream(chunk, HEAD_BYTES);
		buffered.mark(HEAD_BYTES);
		byte[] head = buffered.readNBytes(HEAD_BYTES);
		buffered.reset();
		if (head.length < HEAD_BYTES && head.length < upload.length()) {
			// Too little to tell the type by; the file is checked whole at the end.
			return buffered;
		}
		try {
			this.target.checkStart(upload.bucket(), upload.name(), head);
		}
		catch (TusTarget.Refused ex) {
			discard(upload);
			throw ex.reason();
		}
		return buffered;
	}

	private Upload finish(Upload upload, Optional<CurrentCaller> caller, List<Long> chunks) throws IOException {
		return finish(upload, caller, chunks, () -> {
		});
	}

	/** Makes the file from the chunks, under the lease, and completes the upload. */
	private Upload finish(Upload upload, Optional<CurrentCaller> caller, List<Long> chunks, Runnable renew)
			throws IOException {
		String objectId;
		try (InputStream whole = ChunkBody.failingOnError(new SequenceInputStream(chunks(upload.id(), chunks)), renew,
				RENEW_EVERY_NANOS)) {
			objectId = this.target.finish(upload.bucket(), caller, upload.name(), upload.length(), whole);
		}
		catch (TusTarget.Refused ex) {
			discard(upload);
			throw ex.reason();
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		this.store.complete(upload.id(), objectId, Instant.now().plus(this.expiry));
		this.blobs.deleteAll(BlobKeys.upload(upload.id()));
		return new Upload(upload.id(), upload.bucket(), upload.owner(), upload.name(), upload.length(), upload.length(),
				List.of(), upload.expiresAt(), objectId);
	}

	/** The stored chunks, each opened only when the one before it is read to its end. */
	private Enumeration<InputStream> chunks(String id, List<Long> offsets) {
		Iterator<Long> each = offsets.stream().sorted().iterator();
		if (!each.hasNext()) {
			return Collections.enumeration(List.of(InputStream.nullInputStream()));
		}
		return new Enumeration<>() {

			@Override
			public boolean hasMoreElements() {
				return each.hasNext();
			}

			@Override
			public InputStream nextElement() {
				try {
					return TusUploads.this.blobs.read(BlobKeys.uploadChunk(id, each.next()), 0, -1);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}

		};
	}

	private void discard(Upload upload) throws IOException {
		this.store.delete(upload.id());
		this.blobs.deleteAll(BlobKeys.upload(upload.id()));
	}

	private void renew(String id, String token) {
		if (!this.store.renew(id, token, Instant.now().plus(LEASE))) {
			throw new LeaseLostException(id);
		}
	}

	private static UploadRejectedException offsetMismatch(Upload upload) {
		long offset = upload.complete() ? upload.length() : upload.offset();
		return new UploadRejectedException(Reason.CONFLICT, "offset_mismatch",
				"The upload is at offset " + offset + "; send the chunk that starts there.");
	}

	private static String name(@Nullable String metadataHeader) {
		Map<String, String> metadata;
		try {
			metadata = UploadMetadata.parse(metadataHeader);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(ex.getMessage());
		}
		String name = UploadMetadata.name(metadata);
		if (name == null || name.isEmpty()) {
			throw invalid("Upload-Metadata must give the file's name (filename)");
		}
		if (name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
			throw invalid(
					"The file's name must be 1 to " + MAX_NAME_LENGTH + " characters, without control characters");
		}
		return name;
	}

	private static long number(String header, @Nullable String value) {
		if (value == null || !value.matches("[0-9]{1,18}")) {
			throw invalid(header + " must be a non-negative integer");
		}
		return Long.parseLong(value);
	}

	private static UploadRejectedException invalid(String detail) {
		return new UploadRejectedException(Reason.INVALID, "validation_failed", detail);
	}

	private static @Nullable String subject(Optional<CurrentCaller> caller) {
		return caller.map(CurrentCaller::subject).orElse(null);
	}

}
