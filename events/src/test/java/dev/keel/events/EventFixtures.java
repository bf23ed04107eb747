package dev.keel.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Sample events with fixed ids and times, one per type, for tests that compare JSON.
 */
public final class EventFixtures {

	public static final Instant OCCURRED_AT = Instant.parse("2026-11-23T10:15:30.123Z");

	public static final Instant EXPIRES_AT = Instant.parse("2026-11-24T10:15:30.123Z");

	public static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

	public static final String USER_ID = "u-42";

	public static final String TOKEN = "vt_Zm9vYmFyYmF6cXV4";

	public static final String PHOTO_SHA256 = "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9";

	private EventFixtures() {
	}

	public static UserRegistered userRegistered() {
		return new UserRegistered("evt-1", OCCURRED_AT, USER_ID, "ada@example.com", "Ada");
	}

	public static EmailVerificationRequested emailVerificationRequested() {
		return new EmailVerificationRequested("evt-2", OCCURRED_AT, USER_ID, "ada@example.com", "Ada", TOKEN,
				EXPIRES_AT);
	}

	public static EmailVerified emailVerified() {
		return new EmailVerified("evt-3", OCCURRED_AT, USER_ID, "ada@example.com");
	}

	public static PasswordResetRequested passwordResetRequested() {
		return new PasswordResetRequested("evt-4", OCCURRED_AT, USER_ID, "ada@example.com", null, TOKEN, EXPIRES_AT);
	}

	public static PasswordChanged passwordChanged() {
		return new PasswordChanged("evt-5", OCCURRED_AT, USER_ID, "ada@example.com", "Ada");
	}

	public static UserDisabled userDisabled() {
		return new UserDisabled("evt-6", OCCURRED_AT, USER_ID, "ada@example.com");
	}

	public static UserRolesChanged userRolesChanged() {
		return new UserRolesChanged("evt-13", OCCURRED_AT, USER_ID, "ada@example.com", List.of("user", "staff"));
	}

	public static OtpRequested otpRequested() {
		return new OtpRequested("evt-otp-1", OCCURRED_AT, USER_ID, "ada@example.com", null, "042917", TOKEN,
				EXPIRES_AT);
	}

	public static UserEnabled userEnabled() {
		return new UserEnabled("evt-14", OCCURRED_AT, USER_ID, "ada@example.com");
	}

	public static IdentityLinked identityLinked() {
		return new IdentityLinked("evt-16", OCCURRED_AT, USER_ID, "ada@example.com", "google", OCCURRED_AT);
	}

	public static UserRegistered userRegisteredViaProvider() {
		return new UserRegistered("evt-17", OCCURRED_AT, USER_ID, "ada@example.com", "Ada", UserRegistered.PROVIDER,
				"google");
	}

	public static UserUpgraded userUpgraded() {
		return new UserUpgraded("evt-15", OCCURRED_AT, USER_ID, "ada@example.com", "Ada");
	}

	public static DocumentCreated aTaskCreated() {
		return new DocumentCreated("evt-7", OCCURRED_AT, "tasks", "abc", USER_ID, USER_ID, 1, "owner",
				List.of("title", "done", "priority", "tags", "details", "dueDate"), aTask(), false);
	}

	public static DocumentUpdated aTaskUpdated() {
		return new DocumentUpdated("evt-8", OCCURRED_AT, "tasks", "abc", USER_ID, "u-7", 2, "owner", List.of("done"),
				aTask(), false);
	}

	public static DocumentUpdated aTooLargeTaskUpdated() {
		return new DocumentUpdated("evt-9", OCCURRED_AT, "tasks", "big", USER_ID, USER_ID, 5, "authenticated",
				List.of("attachment"), null, true);
	}

	public static DocumentDeleted aTaskDeleted() {
		return new DocumentDeleted("evt-10", OCCURRED_AT, "tasks", "abc", USER_ID, "admin-1", 3, "role:editor");
	}

	public static CollectionDefined tasksDefined() {
		return new CollectionDefined("evt-11", OCCURRED_AT, "tasks",
				Map.of("read", "owner", "create", "authenticated", "update", "owner", "delete", "role:admin"), true);
	}

	public static CollectionDeleted tasksDeleted() {
		return new CollectionDeleted("evt-12", OCCURRED_AT, "tasks");
	}

	public static FileUploaded aPhotoUploaded() {
		return new FileUploaded("evt-15", OCCURRED_AT, "photos", "k3x9q2", "Café au lait.png", 48213, "image/png",
				PHOTO_SHA256, USER_ID, USER_ID, "owner");
	}

	public static FileDeleted aPhotoDeleted() {
		return new FileDeleted("evt-16", OCCURRED_AT, "photos", "k3x9q2", "Café au lait.png", 48213, "image/png",
				PHOTO_SHA256, USER_ID, "admin-1", "public");
	}

	/**
	 * A user document with the JSON value kinds a document may hold, including a
	 * {@code null} field and nesting.
	 * @return a mutable document
	 */
	public static Map<String, Object> aTask() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("estimate", 2.5);
		details.put("assignee", null);
		Map<String, Object> task = new LinkedHashMap<>();
		task.put("_id", "abc");
		task.put("_owner", USER_ID);
		task.put("_version", 1);
		task.put("title", "Write the events module");
		task.put("done", true);
		task.put("priority", 3);
		task.put("tags", List.of("keel", "kafka"));
		task.put("details", details);
		task.put("dueDate", null);
		return task;
	}

	public static AuditRecorded auditRecorded() {
		return new AuditRecorded("evt-20", OCCURRED_AT, "a-7", null, USER_ID, "sign_in_failed", "failure", "password",
				"203.0.113.7", "Mozilla/5.0", "r-9");
	}

	public static List<IntegrationEvent> oneOfEachType() {
		return List.of(userRegistered(), emailVerificationRequested(), emailVerified(), passwordResetRequested(),
				passwordChanged(), userDisabled(), userRolesChanged(), userEnabled(), userUpgraded(), otpRequested(),
				identityLinked(), auditRecorded(), aTaskCreated(), aTaskUpdated(), aTaskDeleted(), tasksDefined(),
				tasksDeleted(), aPhotoUploaded(), aPhotoDeleted());
	}

}
