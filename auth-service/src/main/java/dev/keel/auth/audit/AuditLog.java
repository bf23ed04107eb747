package dev.keel.auth.audit;

/**
 * What the features of auth-service call where a security-relevant act happens, after it
 * happened: an act whose entry could not be written answers an error although it took
 * place. The log adds the request's origin (client address, user agent, request id).
 */
public interface AuditLog {

	/** Records a fact, with the actor it names. */
	void record(AuditFact fact);

	/**
	 * Records a successful act by the authenticated caller (an admin, a user changing
	 * their own account), or by no one when there is none (a scheduled task).
	 * @param action the act
	 * @param subject the user or service account it concerns
	 */
	void recordByCaller(AuditAction action, String subject);

}
