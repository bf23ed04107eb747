package dev.keel.support.outbox;

/**
 * What one relay round found, added up over the collections.
 *
 * @param full whether a collection had a whole batch claimable, so more may be waiting
 * @param published whether any entry went out
 * @param kafkaUnavailable whether Kafka could not be reached for some document
 * @param storeFailed whether MongoDB failed
 */
record RelayRound(boolean full, boolean published, boolean kafkaUnavailable, boolean storeFailed) {

	static final RelayRound IDLE = new RelayRound(false, false, false, false);

	static final RelayRound STORE_FAILED = new RelayRound(false, false, false, true);

	/**
	 * Whether to back off. Backing off is for outages: a timeout on one document while
	 * others went out does not slow the others down.
	 * @return whether the round failed as a whole
	 */
	boolean failed() {
		return this.storeFailed || (this.kafkaUnavailable && !this.published);
	}

	RelayRound and(RelayRound other) {
		return new RelayRound(this.full || other.full, this.published || other.published,
				this.kafkaUnavailable || other.kafkaUnavailable, this.storeFailed || other.storeFailed);
	}

}
