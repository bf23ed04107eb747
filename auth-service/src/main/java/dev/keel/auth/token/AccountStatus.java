package dev.keel.auth.token;

import java.util.Optional;

public interface AccountStatus {

	Optional<Principal> activePrincipal(String subject);

}
