package dev.keel.events.storage;

import dev.keel.events.IntegrationEvent;

/**
 * An event about one file. The accessors shared by both kinds let a consumer route and
 * authorize any file event without knowing which kind it is.
 */
public sealed interface FileEvent extends IntegrationEvent permits FileUploaded, FileDeleted {

	/**
	 * The bucket holding the file.
	 * @return the bucket name
	 */
	String bucket();

	/**
	 * The file, unique within its bucket.
	 * @return the object id
	 */
	String objectId();

	/**
	 * The file's display name, as the client gave it.
	 * @return the name
	 */
	String name();

	/**
	 * The file's size.
	 * @return the size in bytes
	 */
	long size();

	/**
	 * The content type detected from the file's bytes.
	 * @return the media type
	 */
	String contentType();

	/**
	 * The SHA-256 of the file's bytes, also its {@code ETag}.
	 * @return lower-case hexadecimal
	 */
	String sha256();

	/**
	 * The user who uploaded the file, the user the {@code owner} read rule refers to.
	 * @return the owner's {@code sub}
	 */
	String owner();

	/**
	 * Who made the change: the {@code sub} of the caller's token. Consumers use it to
	 * avoid notifying people of their own changes.
	 * @return the acting user or client id
	 */
	String actor();

	/**
	 * The bucket's read rule when the change happened: {@code public},
	 * {@code authenticated}, {@code owner} or {@code role:<name>}.
	 * @return the read rule
	 */
	String readRule();

	@Override
	default String aggregateId() {
		return bucket() + "/" + objectId();
	}

}
