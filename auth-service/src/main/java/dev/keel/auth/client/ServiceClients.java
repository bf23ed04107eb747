package dev.keel.auth.client;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import dev.keel.auth.audit.AuditAction;
import dev.keel.auth.audit.AuditLog;
import dev.keel.auth.token.ClientCredentialsLogin;
import dev.keel.auth.token.Principal;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Creates, deletes and authenticates service accounts. */
@Service
class ServiceClients implements ClientCredentialsLogin {

	/** Compared against when the client id is unknown, so both cases take as long. */
	private static final String UNKNOWN_CLIENT_HASH = ClientSecrets.hash(ClientSecrets.newSecret());

	private final MongoTemplate mongo;

	private final AuditLog audit;

	ServiceClients(MongoTemplate mongo, AuditLog audit) {
		this.mongo = mongo;
		this.audit = audit;
	}

	/**
	 * @return the new client and its secret, which is not kept
	 */
	NewClient create(String name, List<String> roles) {
		String secret = ClientSecrets.newSecret();
		ServiceClient client = new ServiceClient(ClientSecrets.newClientId(), name, List.copyOf(roles),
				ClientSecrets.hash(secret), Instant.now().truncatedTo(ChronoUnit.MILLIS));
		this.mongo.insert(client, ServiceClient.COLLECTION);
		this.audit.recordByCaller(AuditAction.SERVICE_ACCOUNT_CREATED, client.id());
		return new NewClient(client.id(), secret);
	}

	/**
	 * @return whether there was such a client
	 */
	boolean delete(String clientId) {
		boolean deleted = this.mongo.remove(new Query(where("_id").is(clientId)), ServiceClient.COLLECTION)
			.getDeletedCount() > 0;
		if (deleted) {
			this.audit.recordByCaller(AuditAction.SERVICE_ACCOUNT_DELETED, clientId);
		}
		return deleted;
	}

	@Override
	public Optional<Principal> authenticate(String clientId, String clientSecret) {
		ServiceClient client = this.mongo.findById(clientId, ServiceClient.class, ServiceClient.COLLECTION);
		boolean matches = ClientSecrets.matches(clientSecret,
				(client != null) ? client.secretHash() : UNKNOWN_CLIENT_HASH);
		return (client != null && matches) ? Optional.of(new Principal(client.id(), null, client.roles(), true))
				: Optional.empty();
	}

	record NewClient(String clientId, String clientSecret) {
	}

}
