package dev.keel.bench.gateway;

import java.util.Locale;

/**
 * The Lua scripts wrk runs. Both add the bearer token from the environment, so that the
 * token does not show in the process list as a {@code -H} argument would.
 * <p>
 * The paced one holds each wrk thread to a fixed rate, as wrk2's {@code -R} does (wrk2 is
 * not packaged by Debian): wrk calls {@code delay()} before each request, and the script
 * answers with the time left until the request's slot in a schedule of one slot every
 * {@code 1000 / rate} ms, whatever the previous answers took; a schedule that has fallen
 * behind catches up at once. wrk's timers have millisecond resolution, so requests leave
 * in groups within each millisecond. The latency wrk records still starts when a request
 * is sent, not at its slot: close to the peak it under-reports queueing, which is why the
 * benchmark measures latency at half of it.
 */
final class WrkScript {

	static final String TOKEN_VARIABLE = "KEEL_BENCH_TOKEN";

	private static final String TOKEN = """
			-- Written by keel bench gateway.
			wrk.headers["Authorization"] = "Bearer " .. os.getenv("%s")
			""".formatted(TOKEN_VARIABLE);

	private static final String PACING = """
			local ffi = require("ffi")
			ffi.cdef[[
			typedef struct { long seconds; long nanos; } keel_timespec;
			int clock_gettime(int clock, keel_timespec *time);
			]]
			local CLOCK_MONOTONIC = (ffi.os == "OSX") and 6 or 1
			local time = ffi.new("keel_timespec")
			local function millis()
			  ffi.C.clock_gettime(CLOCK_MONOTONIC, time)
			  return tonumber(time.seconds) * 1000 + tonumber(time.nanos) / 1e6
			end

			local interval = %s -- ms between two requests of this thread
			local slot = nil
			function delay()
			  local now = millis()
			  slot = slot or now
			  local wait = slot - now
			  slot = slot + interval
			  if wait < 1 then
			    return 0
			  end
			  return math.floor(wait)
			end
			""";

	private WrkScript() {
	}

	/** As fast as the connections go. */
	static String unpaced() {
		return TOKEN;
	}

	/** Each thread at {@code requestsPerSecond}. */
	static String paced(double requestsPerSecond) {
		if (!(requestsPerSecond > 0)) {
			throw new IllegalArgumentException("A paced run needs a rate above 0, not " + requestsPerSecond);
		}
		return TOKEN + PACING.formatted(String.format(Locale.ROOT, "%.6f", 1000 / requestsPerSecond));
	}

}
