package dev.keel.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.keel.events.audit.AuditRecorded;
import dev.keel.events.auth.EmailVerificationRequested;
import dev.keel.events.auth.EmailVerified;
import dev.keel.events.auth.IdentityLinked;
import dev.keel.events.auth.PasswordChanged;
import dev.keel.events.auth.OtpRequested;
import dev.keel.events.auth.PasswordResetRequested;
import dev.keel.events.auth.UserDisabled;
import dev.keel.events.auth.UserEnabled;
import dev.keel.events.auth.UserRegistered;
import dev.keel.events.auth.UserRolesChanged;
import dev.keel.events.auth.UserUpgraded;
import dev.keel.events.data.CollectionDefined;
import dev.keel.events.data.CollectionDeleted;
import dev.keel.events.data.DocumentCreated;
import dev.keel.events.data.DocumentDeleted;
import dev.keel.events.data.DocumentUpdated;
import dev.keel.events.storage.FileDeleted;
import dev.keel.events.storage.FileUploaded;

/**
 * Every CloudEvents {@code type} Keel publishes and the record that its {@code data}
 * deserializes to. A consumer reads the envelope's {@code type} first and looks the class
 * up here; a type it does not find is from a newer producer and can be skipped.
 */
public final class EventTypes {

	private static final Map<String, Class<? extends IntegrationEvent>> TYPES = new LinkedHashMap<>();

	static {
		register(UserRegistered.TYPE, UserRegistered.class);
		register(EmailVerificationRequested.TYPE, EmailVerificationRequested.class);
		register(EmailVerified.TYPE, EmailVerified.class);
		register(PasswordResetRequested.TYPE, PasswordResetRequested.class);
		register(PasswordChanged.TYPE, PasswordChanged.class);
		register(UserDisabled.TYPE, UserDisabled.class);
		register(UserRolesChanged.TYPE, UserRolesChanged.class);
		register(UserEnabled.TYPE, UserEnabled.class);
		register(UserUpgraded.TYPE, UserUpgraded.class);
		register(OtpRequested.TYPE, OtpRequested.class);
		register(IdentityLinked.TYPE, IdentityLinked.class);
		register(AuditRecorded.TYPE, AuditRecorded.class);
		register(DocumentCreated.TYPE, DocumentCreated.class);
		register(DocumentUpdated.TYPE, DocumentUpdated.class);
		register(DocumentDeleted.TYPE, DocumentDeleted.class);
		register(CollectionDefined.TYPE, CollectionDefined.class);
		register(CollectionDeleted.TYPE, CollectionDeleted.class);
		register(FileUploaded.TYPE, FileUploaded.class);
		register(FileDeleted.TYPE, FileDeleted.class);
	}

	private EventTypes() {
	}

	/**
	 * The record class of a type.
	 * @param type a CloudEvents {@code type}
	 * @return the class its {@code data} deserializes to, or empty for an unknown type
	 */
	public static Optional<Class<? extends IntegrationEvent>> classFor(String type) {
		return Optional.ofNullable(TYPES.get(type));
	}

	/**
	 * All known types, in a stable order.
	 * @return an unmodifiable map from CloudEvents {@code type} to record class
	 */
	public static Map<String, Class<? extends IntegrationEvent>> all() {
		return Collections.unmodifiableMap(TYPES);
	}

	private static void register(String type, Class<? extends IntegrationEvent> eventClass) {
		if (TYPES.putIfAbsent(type, eventClass) != null) {
			throw new IllegalStateException("Event type " + type + " is registered twice");
		}
	}

}
