package dev.keel.data.document;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.data.document.DocumentOutcome.Deleted;
import dev.keel.data.document.DocumentOutcome.Reason;
import dev.keel.data.document.DocumentOutcome.Rejected;
import dev.keel.data.document.DocumentOutcome.Replayed;
import dev.keel.data.document.DocumentOutcome.Written;
import dev.keel.data.query.Page;
import dev.keel.data.query.QueryRequest;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Problems;

/**
 * The documents of a collection. Reachable without a token: the collection's rules
 * decide, per request, whether a caller must have one. Rejections the services return are
 * answered here; those they throw by {@code DataProblemHandler}.
 */
@RestController
@RequestMapping("/api/data/collections/{collection}")
class DocumentController {

	static final String MERGE_PATCH = "application/merge-patch+json";

	private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x20-\\x7E]{1,255}");

	private final DocumentService documents;

	private final DocumentCreation creation;

	private final JsonBodies bodies;

	DocumentController(DocumentService documents, DocumentCreation creation, JsonBodies bodies) {
		this.documents = documents;
		this.creation = creation;
		this.bodies = bodies;
	}

	@GetMapping("/documents")
	QueryPage query(@PathVariable String collection, @RequestParam(required = false) String filter,
			@RequestParam(required = false) String sort, @RequestParam(required = false) String fields,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			Optional<CurrentCaller> caller) {
		Page page = this.documents.query(collection, new QueryRequest(filter, sort, fields, limit, cursor), caller);
		return new QueryPage(page.items().stream().<JsonNode>map((item) -> StoredDocument.of(item).toJson()).toList(),
				page.nextCursor());
	}

	@GetMapping("/count")
	Count count(@PathVariable String collection, @RequestParam(required = false) String filter,
			Optional<CurrentCaller> caller) {
		return new Count(this.documents.count(collection, filter, caller));
	}

	// Bodies are read by JsonBodies (see there), so the OpenAPI document learns of them
	// from these annotations.
	@PostMapping(path = "/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
	@RequestBody(required = true, description = "The document's fields",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
	ResponseEntity<JsonNode> create(@PathVariable String collection, HttpServletRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Optional<CurrentCaller> caller) {
		if (key != null && !IDEMPOTENCY_KEY.matcher(key).matches()) {
			throw new KeelProblemException(HttpStatus.BAD_REQUEST, "invalid_idempotency_key",
					"An Idempotency-Key is 1 to 255 printable ASCII characters.");
		}
		return respond(collection, this.creation.create(collection, this.bodies.read(request), key, caller));
	}

	@GetMapping("/documents/{id}")
	ResponseEntity<JsonNode> get(@PathVariable String collection, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
			Optional<CurrentCaller> caller) {
		DocumentOutcome outcome = this.documents.get(collection, id, caller);
		if (outcome instanceof Written written && ifNoneMatch != null
				&& new Precondition(ifNoneMatch).matches(written.document().version())) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(written.document().etag()).build();
		}
		return respond(collection, outcome);
	}

	@PutMapping(path = "/documents/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
	@RequestBody(required = true, description = "All of the document's fields",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(type = "object")))
	ResponseEntity<JsonNode> replace(@PathVariable String collection, @PathVariable String id,
			HttpServletRequest request, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			Optional<CurrentCaller> caller) {
		return respond(collection,
				this.documents.replace(collection, id, this.bodies.read(request), new Precondition(ifMatch), caller));
	}

	@PatchMapping(path = "/documents/{id}", consumes = MERGE_PATCH)
	@RequestBody(required = true, description = "A JSON merge patch (RFC 7396): null removes a field",
			content = @Content(mediaType = MERGE_PATCH, schema = @Schema(type = "object")))
	ResponseEntity<JsonNode> patch(@PathVariable String collection, @PathVariable String id, HttpServletRequest request,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			Optional<CurrentCaller> caller) {
		return respond(collection,
				this.documents.patch(collection, id, this.bodies.read(request), new Precondition(ifMatch), caller));
	}

	@DeleteMapping("/documents/{id}")
	ResponseEntity<JsonNode> delete(@PathVariable String collection, @PathVariable String id,
			@RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
			Optional<CurrentCaller> caller) {
		return respond(collection, this.documents.delete(collection, id, new Precondition(ifMatch), caller));
	}

	private static ResponseEntity<JsonNode> respond(String collection, DocumentOutcome outcome) {
		return switch (outcome) {
			case Written written when written.created() ->
				ResponseEntity.created(location(collection, written.document().id()))
					.eTag(written.document().etag())
					.body(written.body());
			case Written written -> ResponseEntity.ok().eTag(written.document().etag()).body(written.body());
			case Replayed replayed ->
				ResponseEntity.created(location(collection, replayed.body().get("_id").asString()))
					.eTag("\"" + replayed.body().get("_version").asLong() + "\"")
					.header("Idempotent-Replayed", "true")
					.body(replayed.body());
			case Deleted deleted -> ResponseEntity.noContent().build();
			case Rejected rejected -> throw problem(rejected);
		};
	}

	private static KeelProblemException problem(Rejected rejected) {
		KeelProblemException problem = new KeelProblemException(status(rejected.reason()), rejected.code(),
				rejected.detail());
		if (!rejected.errors().isEmpty()) {
			problem.getBody().setProperty(Problems.ERRORS, rejected.errors());
		}
		return problem;
	}

	private static HttpStatus status(Reason reason) {
		return switch (reason) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case STALE -> HttpStatus.PRECONDITION_FAILED;
			case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
			case UNACCEPTABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	private static URI location(String collection, String id) {
		return URI.create("/api/data/collections/" + collection + "/documents/" + id);
	}

	/**
	 * A page of query results.
	 *
	 * @param items the documents
	 * @param nextCursor where the next page starts, or {@code null} after the last
	 */
	record QueryPage(List<JsonNode> items, String nextCursor) {
	}

	/**
	 * A count.
	 *
	 * @param count how many documents match
	 */
	record Count(long count) {
	}

}
