package dev.keel.storage.object;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.storage.object.ObjectService.Download;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;

/**
 * Downloads, streamed from the blob store to the response: one byte range (206), entity
 * tags (304), and user content served inert: {@code nosniff}, a sandboxing CSP, and
 * anything a browser could run (HTML, SVG, XML, unknown types) as an attachment. With
 * {@code expires} and {@code signature} (a signed URL) no token is needed.
 */
@RestController
class ContentController {

	private static final Logger log = LoggerFactory.getLogger(ContentController.class);

	private final ObjectService objects;

	private final Thumbnails thumbnails;

	ContentController(ObjectService objects, Thumbnails thumbnails) {
		this.objects = objects;
		this.thumbnails = thumbnails;
	}

	// The bytes are written here, so the OpenAPI document learns of them from this
	// annotation.
	@ApiResponse(responseCode = "200", description = "The file, with its detected Content-Type",
			content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "206", description = "One byte range of the file",
			content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
	@ApiResponse(responseCode = "304", description = "Not modified (If-None-Match)")
	@RequestMapping(path = "/api/storage/buckets/{bucket}/objects/{id}/content",
			method = { RequestMethod.GET, RequestMethod.HEAD })
	void content(@PathVariable String bucket, @PathVariable String id, @RequestParam(required = false) String expires,
			@RequestParam(required = false) String signature,
			@RequestHeader(name = HttpHeaders.RANGE, required = false) String range,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			@RequestHeader(name = HttpHeaders.IF_RANGE, required = false) String ifRange,
			@RequestParam(required = false) String width, @RequestParam(required = false) String height,
			@RequestParam(required = false) String fit, Optional<CurrentCaller> caller, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Download download = this.objects.download(bucket, id, caller, expires, signature);
		StoredObject object = download.object();
		if (width != null || height != null || fit != null) {
			thumbnail(download, Thumbnails.size(width, height, fit, download.thumbnailSizes()), ifNoneMatch, request,
					response);
			return;
		}
		if (ifNoneMatch != null && matches(ifNoneMatch, object.etag())) {
			inert(response, download);
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			return;
		}
		Optional<ByteRange> part = (ifRange == null || ifRange.strip().equals(object.etag()))
				? byteRange(range, object.size()) : Optional.empty();
		long offset = part.map(ByteRange::offset).orElse(0L);
		long length = part.map(ByteRange::length).orElse(object.size());
		boolean head = RequestMethod.HEAD.name().equals(request.getMethod());
		try (InputStream in = head ? InputStream.nullInputStream() : this.objects.open(object, offset, length)) {
			inert(response, download);
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDispositions.of(object.contentType(), object.name()));
			response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
			response.setContentType(object.contentType());
			response.setContentLengthLong(length);
			part.ifPresent((p) -> response.setHeader(HttpHeaders.CONTENT_RANGE,
					"bytes " + p.offset() + "-" + p.last() + "/" + object.size()));
			response.setStatus(part.isPresent() ? HttpStatus.PARTIAL_CONTENT.value() : HttpStatus.OK.value());
			if (!head) {
				send(in, response, object);
			}
		}
	}

	/**
	 * A thumbnail of an allowed size: its own entity tag (the file's, with the size), no
	 * ranges, and the same inert headers as the file.
	 */
	private void thumbnail(Download download, Thumbnails.Size size, String ifNoneMatch, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		StoredObject object = download.object();
		String etag = "\"" + object.sha256() + "-" + size.etagSuffix() + "\"";
		inert(response, download);
		response.setHeader(HttpHeaders.ETAG, etag);
		if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
			response.setStatus(HttpStatus.NOT_MODIFIED.value());
			return;
		}
		Thumbnails.Thumbnail thumbnail = this.thumbnails.open(object, size);
		try (InputStream in = thumbnail.bytes()) {
			response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
					ContentDispositions.of(thumbnail.contentType(), object.name()));
			response.setContentType(thumbnail.contentType());
			response.setStatus(HttpStatus.OK.value());
			if (!RequestMethod.HEAD.name().equals(request.getMethod())) {
				send(in, response, object);
			}
		}
	}

	private static void send(InputStream in, HttpServletResponse response, StoredObject object) {
		try {
			OutputStream out = response.getOutputStream();
			in.transferTo(out);
			out.flush();
		}
		catch (IOException ex) {
			// The status is sent: the client sees a cut-off body (usually it went away).
			log.debug("Download of {} cut off: {}", object.id(), ex.getMessage());
		}
	}

	/** The headers of every answer with or about the content. */
	private static void inert(HttpServletResponse response, Download download) {
		response.setHeader(HttpHeaders.ETAG, download.object().etag());
		response.setHeader(HttpHeaders.CACHE_CONTROL,
				download.shared() ? "public, max-age=0, must-revalidate" : "private, no-cache");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Content-Security-Policy", "sandbox");
	}

	private static Optional<ByteRange> byteRange(String header, long size) {
		try {
			return ByteRange.parse(header, size);
		}
		catch (ByteRange.Unsatisfiable ex) {
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.CONTENT_RANGE, "bytes */" + size);
			throw new KeelProblemException(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE, "range_not_satisfiable",
					"The range lies outside the file's " + size + " bytes.", headers);
		}
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		return Arrays.stream(ifNoneMatch.split(","))
			.map(String::strip)
			.map((tag) -> tag.startsWith("W/") ? tag.substring(2) : tag)
			.anyMatch((tag) -> tag.equals("*") || tag.equals(etag));
	}

}
