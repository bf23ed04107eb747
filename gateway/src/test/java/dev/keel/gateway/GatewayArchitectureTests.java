package dev.keel.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.client.loadbalancer.reactive.LoadBalancedExchangeFilterFunction;
import org.springframework.http.MediaType;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway is an edge: reactive all the way, with edge concerns only (requests,
 * limits, token checks, balancing, errors, docs, discovery). Pages and the calls behind
 * them belong to the services; auth-service serves the account pages behind a route.
 */
class GatewayArchitectureTests {

	private static final String[] EDGE = { "dev.keel.gateway", "..gateway.request..", "..gateway.edge..",
			"..gateway.ratelimit..", "..gateway.security..", "..gateway.balancing..", "..gateway.error..",
			"..gateway.fallback..", "..gateway.docs..", "..gateway.discovery..", "..gateway.config.." };

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.gateway");

	@Test
	void everyClassIsAnEdgeConcern() {
		classes().should().resideInAnyPackage(EDGE).check(this.classes);
		noClasses().should().resideInAPackage("..gateway.account..").check(this.classes);
	}

	/**
	 * Swagger UI under {@code /docs} is the one page, and it is the API's documentation.
	 */
	@Test
	void onlyTheApiDocsAnswerHtml() {
		noClasses().that()
			.resideOutsideOfPackage("..gateway.docs..")
			.should()
			.accessField(MediaType.class, "TEXT_HTML")
			.orShould()
			.accessField(MediaType.class, "TEXT_HTML_VALUE")
			.check(this.classes);
	}

	/**
	 * The gateway calls a service only through its routes. The one exception is the
	 * signing keys that the token checks fetch from auth-service's JWKS.
	 */
	@Test
	void onlyTheTokenChecksCallAServiceThemselves() {
		noClasses().that()
			.resideOutsideOfPackage("..gateway.security..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.web.reactive.function.client..")
			.orShould()
			.dependOnClassesThat()
			.areAssignableTo(LoadBalancedExchangeFilterFunction.class)
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
