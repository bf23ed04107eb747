package dev.keel.cli.platform;

import java.util.Map;

/**
 * The key storage-service signs download URLs with: {@code KEEL_STORAGE_SIGNING_SECRET}
 * when the environment sets it, otherwise a random one generated once per state folder
 * and kept in {@code <state folder>/storage-signing-secret} (readable by its owner only),
 * like discovery's password. Every instance of a run gets the same key, so a URL one
 * signed downloads from any, and signed URLs outlive a restart of the platform.
 */
final class StorageSigningSecret {

	static final String VARIABLE = "KEEL_STORAGE_SIGNING_SECRET";

	private StorageSigningSecret() {
	}

	/**
	 * The environment's key, or the state folder's generated one, created on first use.
	 * @param layout the state folder
	 * @param environment the launcher's environment
	 * @return the key to give storage-service
	 */
	static String of(Layout layout, Map<String, String> environment) {
		String secret = environment.getOrDefault(VARIABLE, "");
		return secret.isBlank() ? SecretFile.readOrCreate(layout.storageSigningSecretFile(), "storage signing secret")
				: secret;
	}

}
