package dev.keel.auth.audit;

import java.time.Instant;
import java.util.List;

import org.bson.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.support.web.Paging;

/** The audit log for admins: filtered, newest first, in cursor pages. */
@RestController
@RequestMapping("/api/auth/admin/audit")
@PreAuthorize("hasRole('admin')")
class AuditAdminController {

	private final AuditEntries entries;

	AuditAdminController(AuditEntries entries) {
		this.entries = entries;
	}

	/** One entry as admins see it. */
	record EntryView(String id, Instant at, @Nullable String actor, @Nullable String subject, String action,
			String outcome, @Nullable String method, @Nullable String ip, @Nullable String userAgent,
			@Nullable String requestId) {

		static EntryView of(Document entry) {
			return new EntryView(entry.getString("_id"), entry.getDate("at").toInstant(), entry.getString("actor"),
					entry.getString("subject"), entry.getString("action"), entry.getString("outcome"),
					entry.getString("method"), entry.getString("ip"), entry.getString("userAgent"),
					entry.getString("requestId"));
		}

	}

	/** A page of entries and the cursor of the next one, {@code null} after the last. */
	record EntryPage(List<EntryView> items, @Nullable String nextCursor) {
	}

	@GetMapping
	EntryPage list(@RequestParam(required = false) String actor, @RequestParam(required = false) String subject,
			@RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		int size = Paging.limit(limit);
		AuditQuery query = AuditQuery.of(actor, subject, action, outcome, from, to, cursor);
		List<EntryView> page = this.entries.page(query, size + 1).stream().map(EntryView::of).toList();
		if (page.size() <= size) {
			return new EntryPage(page, null);
		}
		EntryView last = page.get(size - 1);
		return new EntryPage(page.subList(0, size), new AuditCursor(last.at(), last.id()).encode());
	}

}
