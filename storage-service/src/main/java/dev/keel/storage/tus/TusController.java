package dev.keel.storage.tus;

import java.io.IOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;

/**
 * tus 1.0 at {@code /api/storage/buckets/{bucket}/uploads}: {@code OPTIONS} (what the
 * server supports), {@code POST} (creation), {@code HEAD} (the offset), {@code PATCH} (a
 * chunk) and {@code DELETE} (termination); expiration is announced in
 * {@code Upload-Expires}. Every answer but {@code OPTIONS}'s carries
 * {@code Tus-Resumable}, and a request for another protocol version is refused with 412.
 * The {@code Location} of a new upload is a path, resolved by the client against the
 * address it used, so no host a request names ever reaches it. As tus allows for clients
 * whose HTTP stack has no {@code PATCH} (Java's {@code HttpURLConnection}, which the
 * reference Java client uses), a {@code POST} to an upload with
 * {@code X-HTTP-Method-Override: PATCH} or {@code DELETE} is taken as that method.
 */
@RestController
@RequestMapping("/api/storage/buckets/{bucket}/uploads")
class TusController {

	static final String VERSION = "1.0.0";

	static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

	/** Carries the id of the file a complete upload became. */
	static final String OBJECT_ID = "Keel-Object-Id";

	private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

	private final TusUploads uploads;

	TusController(TusUploads uploads) {
		this.uploads = uploads;
	}

	@RequestMapping(method = RequestMethod.OPTIONS)
	ResponseEntity<Void> options() {
		return ResponseEntity.noContent()
			.header("Tus-Version", VERSION)
			.header("Tus-Resumable", VERSION)
			.header("Tus-Extension", "creation,termination,expiration")
			.header("Tus-Max-Size", Long.toString(this.uploads.maxFileSize()))
			.build();
	}

	@RequestMapping(method = RequestMethod.POST)
	ResponseEntity<Void> create(@PathVariable String bucket,
			@RequestHeader(name = "Tus-Resumable", required = false) @Nullable String resumable,
			@RequestHeader(name = "Upload-Length", required = false) @Nullable String length,
			@RequestHeader(name = "Upload-Defer-Length", required = false) @Nullable String deferLength,
			@RequestHeader(name = "Upload-Metadata", required = false) @Nullable String metadata,
			Optional<CurrentCaller> caller) throws IOException {
		checkVersion(resumable);
		Upload upload = this.uploads.create(bucket, caller, length, deferLength, metadata);
		return ResponseEntity.status(HttpStatus.CREATED)
			.headers(headers(upload))
			.header(HttpHeaders.LOCATION, "/api/storage/buckets/" + bucket + "/uploads/" + upload.id())
			.build();
	}

	@RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
	ResponseEntity<Void> status(@PathVariable String bucket, @PathVariable String id,
			@RequestHeader(name = "Tus-Resumable", required = false) @Nullable String resumable,
			Optional<CurrentCaller> caller) {
		checkVersion(resumable);
		Upload upload = this.uploads.status(bucket, id, caller);
		return ResponseEntity.ok()
			.headers(headers(upload))
			.header("Upload-Length", Long.toString(upload.length()))
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.build();
	}

	@RequestMapping(path = "/{id}", method = RequestMethod.PATCH)
	ResponseEntity<Void> append(@PathVariable String bucket, @PathVariable String id,
			@RequestHeader(name = "Tus-Resumable", required = false) @Nullable String resumable,
			@RequestHeader(name = "Upload-Offset", required = false) @Nullable String offset,
			HttpServletRequest request, Optional<CurrentCaller> caller) throws IOException {
		checkVersion(resumable);
		if (!OFFSET_OCTET_STREAM.equals(request.getContentType())) {
			throw new KeelProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
					"A chunk's Content-Type must be " + OFFSET_OCTET_STREAM);
		}
		Upload upload = this.uploads.append(bucket, id, caller, offset, request.getInputStream());
		return ResponseEntity.noContent().headers(headers(upload)).build();
	}

	@RequestMapping(path = "/{id}", method = RequestMethod.POST)
	ResponseEntity<Void> overridden(@PathVariable String bucket, @PathVariable String id,
			@RequestHeader(name = "X-HTTP-Method-Override", required = false) @Nullable String method,
			@RequestHeader(name = "Tus-Resumable", required = false) @Nullable String resumable,
			@RequestHeader(name = "Upload-Offset", required = false) @Nullable String offset,
			HttpServletRequest request, Optional<CurrentCaller> caller) throws IOException {
		if ("PATCH".equals(method)) {
			return append(bucket, id, resumable, offset, request, caller);
		}
		if ("DELETE".equals(method)) {
			return terminate(bucket, id, resumable, caller);
		}
		HttpHeaders allow = new HttpHeaders();
		allow.setAllow(Set.of(HttpMethod.HEAD, HttpMethod.PATCH, HttpMethod.DELETE));
		throw new KeelProblemException(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed",
				"An upload takes HEAD, PATCH and DELETE (or POST with X-HTTP-Method-Override: PATCH or DELETE)", allow);
	}

	@RequestMapping(path = "/{id}", method = RequestMethod.DELETE)
	ResponseEntity<Void> terminate(@PathVariable String bucket, @PathVariable String id,
			@RequestHeader(name = "Tus-Resumable", required = false) @Nullable String resumable,
			Optional<CurrentCaller> caller) throws IOException {
		checkVersion(resumable);
		this.uploads.terminate(bucket, id, caller);
		return ResponseEntity.noContent().header("Tus-Resumable", VERSION).build();
	}

	private static HttpHeaders headers(Upload upload) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("Tus-Resumable", VERSION);
		headers.set("Upload-Offset", Long.toString(upload.complete() ? upload.length() : upload.offset()));
		if (upload.complete()) {
			headers.set(OBJECT_ID, upload.objectId());
		}
		else {
			headers.set("Upload-Expires", HTTP_DATE.format(upload.expiresAt()));
		}
		return headers;
	}

	private static void checkVersion(@Nullable String resumable) {
		if (!VERSION.equals(resumable)) {
			HttpHeaders headers = new HttpHeaders();
			headers.set("Tus-Version", VERSION);
			throw new KeelProblemException(HttpStatus.PRECONDITION_FAILED, "tus_version_unsupported",
					"This server speaks tus " + VERSION + ": send Tus-Resumable: " + VERSION, headers);
		}
	}

}
