package dev.keel.bench;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Microseconds of CPU per completed request, by process on the request's path.
 *
 * @param micros each part's figure, in print order; {@code NaN} where unknown
 */
public record CpuUse(Map<String, Double> micros) {

	public static final CpuUse NONE = new CpuUse(Map.of());

	public CpuUse {
		micros = Collections.unmodifiableMap(new LinkedHashMap<>(micros));
	}

	/** One part's figure, {@code NaN} when unknown or not on this path. */
	public double of(String part) {
		return this.micros.getOrDefault(part, Double.NaN);
	}

	/** The sum of the known parts; {@code NaN} when none is known. */
	public double total() {
		return this.micros.values().stream().filter((value) -> !value.isNaN()).reduce(Double::sum).orElse(Double.NaN);
	}

}
