package dev.keel.auth.provider;

/**
 * Who a provider says the user is, from a validated id_token.
 *
 * @param provider the provider's id
 * @param subject the provider's {@code sub}: stable, unlike the email
 * @param email the email address, or {@code null}
 * @param emailVerified whether the provider says it verified that address
 * @param name the display name, or {@code null}
 */
public record ProviderIdentity(String provider, String subject, String email, boolean emailVerified, String name) {

	/** An email the provider verified, or {@code null}. */
	public String verifiedEmail() {
		return (this.emailVerified && this.email != null && !this.email.isBlank()) ? this.email : null;
	}

}
