package dev.keel.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway is an edge: reactive all the way, and its edge concerns (requests, limits,
 * token checks, balancing, errors, docs, discovery) stand apart from the account pages,
 * the one feature with business in it, which is due to move to auth-service (issue 14).
 */
class GatewayArchitectureTests {

	private static final String[] EDGE = { "..gateway.request..", "..gateway.edge..", "..gateway.ratelimit..",
			"..gateway.security..", "..gateway.balancing..", "..gateway.error..", "..gateway.fallback..",
			"..gateway.docs..", "..gateway.discovery..", "..gateway.config.." };

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.gateway");

	@Test
	void edgeConcernsNeverDependOnTheAccountPages() {
		noClasses().that()
			.resideInAnyPackage(EDGE)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..gateway.account..")
			.check(this.classes);
	}

	/**
	 * Nothing on a request's path uses the servlet stack or a blocking HTTP client. The
	 * Eureka client's transport ({@code discovery}) is blocking, on its own threads.
	 */
	@Test
	void nothingOnARequestsPathBlocksOnTheServletStack() {
		noClasses().that()
			.resideOutsideOfPackage("..gateway.discovery..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
					"org.springframework.web.client..")
			.check(this.classes);
	}

	@Test
	void theGatewayKnowsNoServiceCode() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.keel.auth..", "dev.keel.data..", "dev.keel.notification..", "dev.keel.support..")
			.check(this.classes);
	}

}
