package dev.keel.storage.bucket;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.storage.bucket.BucketService.Defined;
import dev.keel.support.security.CurrentCaller;
import dev.keel.support.web.Paging;

/** Buckets: admins define and delete them, every user with a token may read them. */
@RestController
@RequestMapping("/api/storage/buckets")
class BucketController {

	private final BucketService buckets;

	BucketController(BucketService buckets) {
		this.buckets = buckets;
	}

	@GetMapping
	Page list(@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			CurrentCaller caller) {
		int size = Paging.limit(limit);
		String after = Paging.position(cursor);
		if (after != null && !BucketRules.isValidName(after)) {
			throw Paging.invalidCursor();
		}
		List<Bucket> page = this.buckets.list(after, size + 1);
		String next = (page.size() > size) ? Paging.cursor(page.get(size - 1).name()) : null;
		return new Page(page.stream().limit(size).map(BucketView::of).toList(), next);
	}

	@GetMapping("/{name}")
	BucketView get(@PathVariable String name, CurrentCaller caller) {
		return BucketView.of(this.buckets.require(name));
	}

	@PutMapping("/{name}")
	ResponseEntity<BucketView> define(@PathVariable String name, @RequestBody BucketRequest request,
			CurrentCaller caller) {
		Defined defined = this.buckets.define(name, request, caller);
		BucketView view = BucketView.of(defined.bucket());
		return defined.created() ? ResponseEntity.created(URI.create("/api/storage/buckets/" + name)).body(view)
				: ResponseEntity.ok(view);
	}

	@DeleteMapping("/{name}")
	ResponseEntity<Void> delete(@PathVariable String name, CurrentCaller caller) throws IOException {
		this.buckets.delete(name, caller);
		return ResponseEntity.noContent().build();
	}

	/**
	 * A page of buckets, by name.
	 *
	 * @param items the buckets
	 * @param nextCursor where the next page starts, or {@code null}
	 */
	record Page(List<BucketView> items, String nextCursor) {
	}

}
