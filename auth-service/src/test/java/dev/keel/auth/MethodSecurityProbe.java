package dev.keel.auth;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A test-only endpoint guarded by {@code @PreAuthorize} alone (outside
 * {@code /api/auth/admin/**}, which the filter chain guards too), to check that a denial
 * by method security is a 403 problem and not a server error.
 */
@TestConfiguration(proxyBeanMethods = false)
public class MethodSecurityProbe {

	public static final String PATH = "/api/auth/test/admin-only";

	@RestController
	static class AdminOnlyEndpoint {

		@GetMapping(PATH)
		@PreAuthorize("hasRole('admin')")
		String adminOnly() {
			return "ok";
		}

	}

}
