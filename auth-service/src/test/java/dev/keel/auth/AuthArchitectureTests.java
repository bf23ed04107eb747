package dev.keel.auth;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The feature packages of auth-service depend one way: {@code user} and {@code client}
 * implement the contracts that {@code token} defines, and {@code token} uses {@code key};
 * nothing points back, and storage never sees web types.
 */
class AuthArchitectureTests {

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

	@Test
	void keysDoNotKnowTokensUsersOrClients() {
		noClasses().that()
			.resideInAPackage("..auth.key..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..auth.token..", "..auth.user..", "..auth.client..")
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
	void storageCodeNeverSeesWebTypes() {
		noClasses().that()
			.haveSimpleNameEndingWith("Store")
			.or()
			.haveSimpleNameEndingWith("Users")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(this.classes);
	}

}
