package dev.keel.bench;

import java.time.Duration;

/**
 * How {@code keel bench storage} runs.
 *
 * @param size the file's size in bytes
 * @param settleTimeout how long to wait for an idle platform before each transfer
 * @param email the admin to log in as
 * @param password the admin's password
 */
record StorageBenchSettings(long size, Duration settleTimeout, String email, String password) {

	@Override
	public String toString() {
		return "StorageBenchSettings[size=" + this.size + ", settleTimeout=" + this.settleTimeout + ", email="
				+ this.email + "]";
	}

}
