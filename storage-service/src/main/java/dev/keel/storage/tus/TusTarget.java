package dev.keel.storage.tus;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import dev.keel.support.security.CurrentCaller;

/**
 * What a resumable upload ends in: a file of a bucket, made by the same checks and the
 * same events as any other upload. Its methods throw the exceptions the problem handler
 * answers (unknown bucket, refused access); a refusal of the file itself (its type, name,
 * size or the owner's quota), after which the upload can never succeed, comes wrapped in
 * {@link Refused} so that the upload is discarded.
 */
public interface TusTarget {

	/**
	 * Checks that the caller may create files in the bucket, and says how large they may
	 * be.
	 * @param bucket the bucket's name
	 * @param caller the caller, if any
	 * @return the bucket's limits
	 */
	Limits open(String bucket, Optional<CurrentCaller> caller);

	/**
	 * Checks the start of the file's content before more is taken, so that a type the
	 * bucket does not allow is refused at the first chunk, not after the last.
	 * @param bucket the bucket's name
	 * @param name the file's name
	 * @param head the content's first bytes (up to 64 KiB)
	 * @throws Refused if the bucket does not take the file
	 */
	void checkStart(String bucket, String name, byte[] head);

	/**
	 * Makes the file from the whole content.
	 * @param bucket the bucket's name
	 * @param caller the caller, if any
	 * @param name the file's name
	 * @param size the content's size
	 * @param content the content, read to its end
	 * @return the new file's id
	 * @throws Refused if the bucket does not take the file
	 * @throws IOException if the content cannot be read or stored
	 */
	String finish(String bucket, Optional<CurrentCaller> caller, String name, long size, InputStream content)
			throws IOException;

	/**
	 * The file itself is refused; the upload is discarded and {@link #reason} answered.
	 */
	final class Refused extends RuntimeException {

		private final RuntimeException reason;

		public Refused(RuntimeException reason) {
			super(reason.getMessage(), reason);
			this.reason = reason;
		}

		public RuntimeException reason() {
			return this.reason;
		}

	}

	/**
	 * A bucket's limits for a new file.
	 *
	 * @param maxFileSize the most bytes a file may have
	 */
	record Limits(long maxFileSize) {

	}

}
