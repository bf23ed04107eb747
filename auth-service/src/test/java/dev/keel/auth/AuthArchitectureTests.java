package dev.keel.auth;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The feature packages of auth-service depend one way: {@code user} and {@code client}
 * implement the contracts that {@code token} defines, and {@code token} uses {@code key};
 * nothing points back, and storage never sees web types. {@code token} and {@code user}
 * use the sign-in {@code handoff}, which knows neither. The account pages reach the
 * accounts only through the {@code AccountRecovery} contract, which {@code user}
 * implements.
 */
class AuthArchitectureTests {

	/**
	 * Classes that keep things in MongoDB, known by what they use rather than by their
	 * names.
	 */
	private static final DescribedPredicate<JavaClass> storage = DescribedPredicate.describe(
			"storage (using the MongoDB driver)",
			(type) -> type.getDirectDependenciesFromSelf()
				.stream()
				.anyMatch((dependency) -> dependency.getTargetClass().getPackageName().startsWith("com.mongodb")));

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.auth");

	@Test
	void tokensDoNotKnowUsersOrClients() {
		noClasses().that()
			.resideInAPackage("..auth.token..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.user..", "..auth.client..")
			.check(this.classes);
	}

	/**
	 * Providers reach the accounts only through {@code ProviderAccounts}, which
	 * {@code user} implements, and the token endpoint reaches providers only through
	 * {@code IdTokenLogin}.
	 */
	@Test
	void providersReachTheAccountsOnlyThroughTheirContract() {
		noClasses().that()
			.resideInAPackage("..auth.provider..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.user..", "..auth.client..", "..auth.account..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..auth.token..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..auth.provider..")
			.check(this.classes);
	}

	@Test
	void keysDoNotKnowTokensUsersOrClients() {
		noClasses().that()
			.resideInAPackage("..auth.key..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.token..", "..auth.user..", "..auth.client..")
			.check(this.classes);
	}

	/**
	 * The handoff is used by the token endpoint, the magic link and the identity
	 * providers; it knows none of them.
	 */
	@Test
	void theHandoffKnowsNoUsersTokensOrPages() {
		noClasses().that()
			.resideInAPackage("..auth.handoff..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.token..", "..auth.user..", "..auth.client..", "..auth.account..",
					"..auth.identity..")
			.check(this.classes);
	}

	/**
	 * The second factor implements the token endpoint's {@code SecondFactors} contract;
	 * the token endpoint does not know it, and it knows no accounts or pages.
	 */
	@Test
	void theSecondFactorIsReachedOnlyThroughItsContract() {
		noClasses().that()
			.resideInAPackage("..auth.token..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..auth.mfa..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..auth.mfa..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.user..", "..auth.client..", "..auth.account..", "..auth.provider..")
			.check(this.classes);
	}

	/** Every feature records into the audit log; the log knows none of them. */
	@Test
	void theAuditLogKnowsNoFeature() {
		noClasses().that()
			.resideInAPackage("..auth.audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.token..", "..auth.user..", "..auth.client..", "..auth.account..",
					"..auth.key..", "..auth.provider..", "..auth.handoff..")
			.check(this.classes);
	}

	@Test
	void usersAndClientsDoNotKnowEachOther() {
		noClasses().that()
			.resideInAPackage("..auth.user..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..auth.client..")
			.check(this.classes);
		noClasses().that()
			.resideInAPackage("..auth.client..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..auth.user..")
			.check(this.classes);
	}

	@Test
	void accountPagesReachTheAccountsOnlyThroughTheirContract() {
		noClasses().that()
			.resideInAPackage("..auth.account..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.user..", "..auth.token..", "..auth.key..", "..auth.client..")
			.check(this.classes);
	}

	/** The account pages are the one feature that answers HTML. */
	@Test
	void onlyTheAccountPagesAnswerHtml() {
		noClasses().that()
			.resideOutsideOfPackage("..auth.account..")
			.should()
			.accessField(MediaType.class, "TEXT_HTML")
			.orShould()
			.accessField(MediaType.class, "TEXT_HTML_VALUE")
			.check(this.classes);
	}

	@Test
	void storageCodeNeverSeesWebTypes() {
		noClasses().that(storage)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(this.classes);
	}

}
