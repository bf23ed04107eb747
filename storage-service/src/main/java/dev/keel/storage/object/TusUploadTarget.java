package dev.keel.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.keel.storage.bucket.Bucket;
import dev.keel.storage.bucket.BucketService;
import dev.keel.storage.tus.TusTarget;
import dev.keel.support.security.CurrentCaller;

/**
 * Resumable uploads end here as any other upload does ({@link UploadService}): the
 * bucket's {@code create} rule, its size limit, the type detected from the bytes, the
 * owner's quota, the metadata and the {@code keel.file.uploaded} event. The type is
 * checked on the first chunk already, so a file the bucket does not take is refused
 * before the rest is sent.
 */
@Component
class TusUploadTarget implements TusTarget {

	private final UploadService uploads;

	private final BucketService buckets;

	TusUploadTarget(UploadService uploads, BucketService buckets) {
		this.uploads = uploads;
		this.buckets = buckets;
	}

	@Override
	public Limits open(String bucket, Optional<CurrentCaller> caller) {
		return new Limits(this.uploads.target(bucket, caller, -1).bucket().maxFileSize());
	}

	@Override
	public void checkStart(String bucket, String name, byte[] head) {
		Bucket found = this.buckets.require(bucket);
		try {
			String type = ContentTypes.detect(head, ObjectNames.normalize(name));
			if (!found.allows(type)) {
				throw new ObjectRejectedException(ObjectRejectedException.Reason.TYPE, "type_not_allowed",
						"This bucket does not take " + type + " files (detected from the content).");
			}
		}
		catch (ObjectRejectedException ex) {
			throw new Refused(ex);
		}
	}

	@Override
	public String finish(String bucket, Optional<CurrentCaller> caller, String name, long size, InputStream content)
			throws IOException {
		UploadService.Target target = this.uploads.target(bucket, caller, size);
		try {
			return this.uploads.upload(target, name, content).id();
		}
		catch (ObjectRejectedException ex) {
			throw new Refused(ex);
		}
	}

}
