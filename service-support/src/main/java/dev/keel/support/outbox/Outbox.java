package dev.keel.support.outbox;

public class Outbox {

	public static final String FIELD = "_outbox";

	public org.bson.Document entry(String topic, dev.keel.events.EventEnvelope<?> envelope) {
		return new org.bson.Document("id", envelope.id());
	}

	public String currentTraceparent() {
		return null;
	}

}
