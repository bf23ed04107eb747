package dev.keel.data.collection;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.data.collection.DefineOutcome.Conflict;
import dev.keel.data.collection.DefineOutcome.Defined;
import dev.keel.data.collection.DefineOutcome.Invalid;
import dev.keel.support.web.KeelProblemException;
import dev.keel.support.web.Paging;
import dev.keel.support.web.Problems;

/** Collection definitions: admins define and delete them, every user may read them. */
@RestController
@RequestMapping("/api/data/collections")
class CollectionController {

	private final CollectionService collections;

	CollectionController(CollectionService collections) {
		this.collections = collections;
	}

	@GetMapping
	Page list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		int size = Paging.limit(limit);
		String after = NamePaging.after(cursor);
		List<CollectionDefinition> page = this.collections.list(after, size + 1);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).name()) : null;
		return new Page(page.stream().limit(size).map(CollectionView::of).toList(), next);
	}

	@GetMapping("/{name}")
	CollectionView get(@PathVariable String name) {
		return CollectionView.of(this.collections.require(name));
	}

	@PutMapping("/{name}")
	@PreAuthorize("hasRole('admin')")
	ResponseEntity<CollectionView> define(@PathVariable String name, @RequestBody CollectionRequest request) {
		return switch (this.collections.define(name, request)) {
			case Defined defined when defined.created() ->
				ResponseEntity.created(URI.create("/api/data/collections/" + name))
					.body(CollectionView.of(defined.definition()));
			case Defined defined -> ResponseEntity.ok(CollectionView.of(defined.definition()));
			case Invalid invalid -> throw invalid(invalid);
			case Conflict conflict ->
				throw new KeelProblemException(HttpStatus.CONFLICT, "duplicate", conflict.detail());
		};
	}

	@DeleteMapping("/{name}")
	@PreAuthorize("hasRole('admin')")
	ResponseEntity<Void> delete(@PathVariable String name) {
		if (!this.collections.delete(name)) {
			throw new CollectionNotFoundException(name);
		}
		return ResponseEntity.noContent().build();
	}

	private static KeelProblemException invalid(Invalid invalid) {
		KeelProblemException problem = new KeelProblemException(HttpStatus.BAD_REQUEST, invalid.code(),
				invalid.detail());
		if (!invalid.errors().isEmpty()) {
			problem.getBody().setProperty(Problems.ERRORS, invalid.errors());
		}
		return problem;
	}

	/**
	 * A page of definitions.
	 *
	 * @param items the definitions
	 * @param nextCursor where the next page starts, or {@code null}
	 */
	record Page(List<CollectionView> items, String nextCursor) {
	}

	/** Name-ordered paging; the cursor is the last name seen, encoded. */
	static final class NamePaging {

		static String after(String cursor) {
			String name = Paging.position(cursor);
			if (name != null && !CollectionDefinition.isValidName(name)) {
				throw Paging.invalidCursor();
			}
			return name;
		}

	}

}
