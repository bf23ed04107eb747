package dev.keel.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.bson.types.ObjectId;
import tools.jackson.databind.JsonNode;

/**
 * The seeded documents of both stores, and the operations that use them.
 *
 * @param ids the ids of the documents in {@code bench_items}
 * @param rawIds the ids of the documents in {@code bench_raw}
 */
record Seeds(List<String> ids, List<ObjectId> rawIds) {

	/**
	 * Defines {@code bench_items} afresh (a previous run may have been killed), seeds
	 * both stores with the same documents, and checks that data-service and the driver
	 * answer the query alike: a benchmark of a query that filters wrongly measures
	 * nothing.
	 */
	static Seeds plant(DataApi gateway, DataApi direct, RawStore raw, BenchSettings settings, PrintStream out)
			throws Exception {
		out.printf("Setting up: %s (through the gateway) and %s (raw driver), %d documents each ...%n",
				BenchItems.COLLECTION, BenchItems.RAW_COLLECTION, settings.documents());
		try {
			gateway.delete();
			gateway.define();
		}
		catch (Operation.UnexpectedAnswer ex) {
			throw new BenchAbort("Setting up " + BenchItems.COLLECTION + " through the gateway failed: "
					+ ex.getMessage() + (ex.getMessage().contains(" 403") ? " (the account is not an admin)" : "")
					+ ". ./keel logs data-service may say more.");
		}
		List<String> ids = create(direct, settings.documents(), settings.concurrency());
		List<ObjectId> rawIds = raw.prepare(settings.documents());
		try {
			checkQuery(gateway.queryPage(), raw.queryPage());
		}
		catch (Operation.UnexpectedAnswer ex) {
			throw new BenchAbort("The query of the benchmark failed: " + ex.getMessage() + ".");
		}
		return new Seeds(ids, rawIds);
	}

	Operation operation(String operation, DataApi api) {
		return switch (operation) {
			case "get-by-id" -> api.getOperation(this.ids);
			case "query" -> api.queryOperation();
			default -> api.createOperation();
		};
	}

	Operation rawOperation(String operation, RawStore raw) {
		return switch (operation) {
			case "get-by-id" -> raw.getOperation(this.rawIds);
			case "query" -> raw.queryOperation();
			default -> raw.createOperation();
		};
	}

	/** Creates the documents through the API, {@code concurrency} at a time. */
	private static List<String> create(DataApi api, int documents, int concurrency) throws Exception {
		List<String> ids = Collections.synchronizedList(new ArrayList<>(documents));
		List<Future<?>> workers = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int worker = 0; worker < concurrency; worker++) {
				int first = worker;
				workers.add(threads.submit(() -> {
					for (int n = first; n < documents; n += concurrency) {
						ids.add(api.create(BenchItems.seeded(n)));
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new BenchAbort("Seeding " + BenchItems.COLLECTION + " at " + api.base() + " failed: "
					+ ClosedLoop.describe((Exception) ex.getCause()));
		}
		return List.copyOf(ids);
	}

	static void checkQuery(List<JsonNode> page, List<Document> rawPage) {
		boolean allMatch = page.stream()
			.allMatch(
					(item) -> BenchItems.matchesFilter(item.path("status").asString(), item.path("priority").asInt()));
		if (!allMatch || page.size() != rawPage.size()) {
			throw new BenchAbort("data-service's answer to ?filter=" + BenchItems.FILTER + "&limit=" + BenchItems.PAGE
					+ " differs from the driver's (" + page.size() + " against " + rawPage.size()
					+ " documents, all matching: " + allMatch + "): " + page);
		}
	}

}
