package dev.keel.data.query;

import com.mongodb.client.model.Sorts;
import org.bson.conversions.Bson;

/**
 * One key of a sort order.
 *
 * @param path the field path
 * @param ascending whether smaller values come first
 */
record SortKey(String path, boolean ascending) {

	Bson toBson() {
		return this.ascending ? Sorts.ascending(this.path) : Sorts.descending(this.path);
	}

	@Override
	public String toString() {
		return this.ascending ? this.path : "-" + this.path;
	}

}
