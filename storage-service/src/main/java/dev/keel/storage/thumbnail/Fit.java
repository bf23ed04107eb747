package dev.keel.storage.thumbnail;

import java.util.Locale;
import java.util.Optional;

/** How an image is fitted to a thumbnail's width and height. */
public enum Fit {

	/** Fills the whole size, keeping the aspect ratio and cropping the centre. */
	COVER,

	/** Fits inside the size, keeping the aspect ratio: one side may come out shorter. */
	CONTAIN;

	/**
	 * The fit's name as clients write it, and as blob keys carry it.
	 * @return {@code cover} or {@code contain}
	 */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The fit a client named.
	 * @param value {@code cover} or {@code contain}, in any case
	 * @return the fit, or empty for anything else
	 */
	public static Optional<Fit> of(String value) {
		for (Fit fit : values()) {
			if (fit.value().equalsIgnoreCase(value)) {
				return Optional.of(fit);
			}
		}
		return Optional.empty();
	}

}
