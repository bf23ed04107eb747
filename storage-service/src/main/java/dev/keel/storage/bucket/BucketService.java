package dev.keel.storage.bucket;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;

import org.springframework.stereotype.Service;

import dev.keel.support.access.AccessRules;
import dev.keel.storage.config.StorageProperties;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.Problems.FieldProblem;

/**
 * Defines, reads and deletes buckets. Defining and deleting is for admins; reading a
 * definition for any caller with a token.
 */
@Service
public class BucketService {

	private final BucketStore store;

	private final BucketContents contents;

	private final long globalMaxFileSize;

	private final Clock clock;

	BucketService(BucketStore store, BucketContents contents, StorageProperties properties) {
		this.store = store;
		this.contents = contents;
		this.globalMaxFileSize = properties.maxFileSize().toBytes();
		this.clock = Clock.systemUTC();
	}

	/**
	 * The bucket with the name.
	 * @throws BucketNotFoundException if there is none
	 */
	public Bucket require(String name) {
		return (BucketRules.isValidName(name) ? this.store.find(name) : Optional.<Bucket>empty())
			.orElseThrow(() -> new BucketNotFoundException(name));
	}

	List<Bucket> list(String after, int limit) {
		return this.store.page(after, limit);
	}

	/**
	 * Creates or replaces a bucket. Its id and creation time survive a replacement, so
	 * its files stay.
	 * @throws InvalidBucketException with every problem of the definition
	 */
	Defined define(String name, BucketRequest request, CurrentCaller caller) {
		requireAdmin(caller);
		List<FieldProblem> errors = new ArrayList<>();
		if (!BucketRules.isValidName(name)) {
			errors.add(new FieldProblem("name", "must match " + BucketRules.NAME.pattern()));
		}
		AccessRules access = AccessRules.from(request.access(), errors);
		long maxFileSize = BucketRules.maxFileSize(request.maxFileSize(), this.globalMaxFileSize, errors);
		List<String> allowedTypes = BucketRules.allowedTypes(request.allowedTypes(), errors);
		List<String> thumbnails = BucketRules.thumbnails(request.thumbnails(), errors);
		Long quota = BucketRules.quotaPerUser(request.quotaPerUser(), errors);
		if (!errors.isEmpty()) {
			throw new InvalidBucketException(errors);
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
		while (true) {
			Optional<Bucket> existing = this.store.find(name);
			if (existing.isEmpty()) {
				Bucket created = new Bucket(new ObjectId().toHexString(), name, access, maxFileSize, allowedTypes,
						thumbnails, quota, now, now);
				if (this.store.insert(created)) {
					return new Defined(created, true);
				}
				continue;
			}
			Bucket replaced = new Bucket(existing.get().id(), name, access, maxFileSize, allowedTypes, thumbnails,
					quota, existing.get().createdAt(), now);
			if (this.store.replace(replaced)) {
				return new Defined(replaced, false);
			}
		}
	}

	/**
	 * Deletes a bucket and everything in it. The definition goes first, so the bucket is
	 * gone for every request from then on; its files follow.
	 * @throws BucketNotFoundException if there is none
	 */
	void delete(String name, CurrentCaller caller) throws IOException {
		requireAdmin(caller);
		Bucket deleted = (BucketRules.isValidName(name) ? this.store.delete(name) : Optional.<Bucket>empty())
			.orElseThrow(() -> new BucketNotFoundException(name));
		this.contents.removeAll(deleted);
	}

	private static void requireAdmin(CurrentCaller caller) {
		if (!caller.isAdmin()) {
			throw AccessRefusedException.adminOnly();
		}
	}

	/**
	 * A bucket as defined.
	 *
	 * @param bucket the bucket
	 * @param created whether it is new
	 */
	record Defined(Bucket bucket, boolean created) {
	}

}
