package dev.keel.data;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps data-service's features apart: queries know nothing of documents or collections,
 * collections nothing of documents, and storage code nothing of the web.
 */
class DataArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.data");

	@Test
	void queriesDoNotKnowDocumentsOrCollections() {
		noClasses().that()
			.resideInAPackage("..data.query..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..data.document..", "..data.collection..")
			.check(this.classes);
	}

	@Test
	void collectionsDoNotKnowDocuments() {
		noClasses().that()
			.resideInAPackage("..data.collection..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..data.document..", "..data.query..")
			.check(this.classes);
	}

	@Test
	void queriesAndAccessRulesAreFreeOfSpring() {
		noClasses().that()
			.resideInAPackage("..data.query..")
			.or()
			.haveSimpleNameStartingWith("Access")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(this.classes);
	}

	@Test
	void storageCodeNeverSeesWebTypes() {
		noClasses().that()
			.haveSimpleNameEndingWith("Store")
			.or()
			.haveSimpleNameEndingWith("Storage")
			.or()
			.haveSimpleNameEndingWith("Documents")
			.or()
			.haveSimpleNameEndingWith("Keys")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(this.classes);
	}

}
