package dev.keel.auth.user;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A provider account linked to a user. The id is {@code <provider>:<subject>}, so the
 * store's one always-unique field keeps a provider account linked to one user at most, on
 * the embedded store (which has no other unique indexes) as on MongoDB.
 *
 * @param id {@code <provider>:<subject>}
 * @param provider the provider's id
 * @param subject the provider's {@code sub}
 * @param userId the Keel user
 * @param email the email the provider gave at linking, or {@code null}
 * @param emailVerified whether the provider said it verified that email
 * @param linkedAt when it was linked
 */
@Document(Identities.COLLECTION)
record Identity(@Id String id, String provider, String subject, String userId, String email, boolean emailVerified,
		Instant linkedAt) {

	static String id(String provider, String subject) {
		return provider + ":" + subject;
	}

}
