package dev.keel.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Encoding;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.storage.object.SignedUrls.SignedUrl;
import dev.keel.storage.object.UploadService.Target;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;

/**
 * A bucket's objects: uploads (multipart/form-data read as a stream, or the raw body),
 * listings, metadata, deletion and signed URLs. Reachable without a token: the bucket's
 * rules decide, per request, whether a caller needs one.
 */
@RestController
@RequestMapping("/api/storage/buckets/{bucket}/objects")
class ObjectController {

	private static final int MAX_NAME_FIELD = 4 * 4 * ObjectNames.MAX_LENGTH;

	private final UploadService uploads;

	private final ObjectService objects;

	ObjectController(UploadService uploads, ObjectService objects) {
		this.uploads = uploads;
		this.objects = objects;
	}

	// The body is read here as a stream, so the OpenAPI document learns of it from this
	// annotation.
	@PostMapping
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "multipart/form-data with the file in the part 'file' (its filename is the object's name "
					+ "unless a 'name' field comes before it), or the raw bytes with ?name=",
			content = {
					@Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
							schema = @Schema(type = "object", requiredProperties = "file"),
							encoding = @Encoding(name = "file",
									contentType = MediaType.APPLICATION_OCTET_STREAM_VALUE)),
					@Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
							schema = @Schema(type = "string", format = "binary")) })
	ResponseEntity<ObjectView> upload(@PathVariable String bucket, @RequestParam(required = false) String name,
			HttpServletRequest request, Optional<CurrentCaller> caller) throws IOException {
		StoredObject stored = JakartaServletFileUpload.isMultipartContent(request)
				? multipart(bucket, name, request, caller) : raw(bucket, name, request, caller);
		return ResponseEntity.created(URI.create("/api/storage/buckets/" + stored.bucket() + "/objects/" + stored.id()))
			.eTag(stored.etag())
			.body(ObjectView.of(stored));
	}

	@GetMapping
	Page list(@PathVariable String bucket, @RequestParam(required = false) String prefix,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			Optional<CurrentCaller> caller) {
		int size = Paging.limit(limit);
		String after = Paging.position(cursor);
		if (after != null && !after.matches("[0-9a-f]{24}")) {
			throw Paging.invalidCursor();
		}
		List<StoredObject> page = this.objects.list(bucket, prefix, after, size + 1, caller);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).id()) : null;
		return new Page(page.stream().limit(size).map(ObjectView::of).toList(), next);
	}

	@GetMapping("/{id}")
	ResponseEntity<ObjectView> get(@PathVariable String bucket, @PathVariable String id,
			Optional<CurrentCaller> caller) {
		StoredObject object = this.objects.get(bucket, id, caller);
		return ResponseEntity.ok().eTag(object.etag()).body(ObjectView.of(object));
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String bucket, @PathVariable String id, Optional<CurrentCaller> caller)
			throws IOException {
		this.objects.delete(bucket, id, caller);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/signed-url")
	SignedUrlView sign(@PathVariable String bucket, @PathVariable String id, @RequestBody SignedUrlRequest request,
			Optional<CurrentCaller> caller) {
		SignedUrl signed = this.objects.sign(bucket, id, request.expiresIn(), caller);
		return new SignedUrlView(signed.url(), ObjectView.format(signed.expiresAt()));
	}

	private StoredObject raw(String bucket, String name, HttpServletRequest request, Optional<CurrentCaller> caller)
			throws IOException {
		if (request.getContentType() != null && request.getContentType()
			.toLowerCase(Locale.ROOT)
			.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
			throw new KeelProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"Send a file as multipart/form-data, or its raw bytes with any other Content-Type.");
		}
		Target target = this.uploads.target(bucket, caller, request.getContentLengthLong());
		return this.uploads.upload(target, name, request.getInputStream());
	}

	private StoredObject multipart(String bucket, String name, HttpServletRequest request,
			Optional<CurrentCaller> caller) throws IOException {
		Target target = this.uploads.target(bucket, caller, -1);
		String override = name;
		try {
			FileItemInputIterator parts = new JakartaServletFileUpload<DiskFileItem, DiskFileItemFactory>()
				.getItemIterator(request);
			while (parts.hasNext()) {
				FileItemInput part = parts.next();
				if (part.isFormField() && "name".equals(part.getFieldName())) {
					override = text(part);
				}
				else if (!part.isFormField() && "file".equals(part.getFieldName())) {
					try (InputStream in = part.getInputStream()) {
						return this.uploads.upload(target, (override != null) ? override : part.getName(), in);
					}
				}
			}
		}
		catch (InvalidPathException ex) {
			// fileupload's check of a part's filename: it has a NUL character
			throw ObjectRejectedException.invalid("name", "contains control characters");
		}
		catch (FileUploadException ex) {
			throw new KeelProblemException(HttpStatus.BAD_REQUEST, "malformed_request",
					"The multipart/form-data body cannot be read: " + ex.getMessage());
		}
		throw ObjectRejectedException.invalid("file", "is required: send the file in a part named 'file'");
	}

	private static String text(FileItemInput part) throws IOException {
		try (InputStream in = part.getInputStream()) {
			byte[] bytes = in.readNBytes(MAX_NAME_FIELD + 1);
			if (bytes.length > MAX_NAME_FIELD) {
				throw ObjectRejectedException.invalid("name",
						"is longer than " + ObjectNames.MAX_LENGTH + " characters");
			}
			return new String(bytes, StandardCharsets.UTF_8);
		}
	}

	/**
	 * A page of objects.
	 *
	 * @param items the objects
	 * @param nextCursor where the next page starts, or {@code null}
	 */
	record Page(List<ObjectView> items, String nextCursor) {
	}

	/**
	 * The body of a signed-URL request.
	 *
	 * @param expiresIn how long the URL works, in seconds
	 */
	record SignedUrlRequest(Long expiresIn) {
	}

	/**
	 * A signed URL.
	 *
	 * @param url the path and query to download from, without a token
	 * @param expiresAt when it stops working, RFC 3339
	 */
	record SignedUrlView(String url, String expiresAt) {
	}

}
