package dev.keel.data;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps data-service's features apart (queries know nothing of documents or collections,
 * collections nothing of documents), HTTP in its controllers and its one controller
 * advice, storage code away from the web, and the shared access model free of Spring.
 * Rules key on packages and annotations, never on class names.
 */
class DataArchitectureTests {

	private static final String[] WEB = { "org.springframework.web..", "org.springframework.http..",
			"jakarta.servlet.." };

	/**
	 * Everything but the controllers and the advice, and the types nested in them (their
	 * request and page records).
	 */
	private static final DescribedPredicate<JavaClass> outsideTheWebLayer = DescribedPredicate.describe(
			"are neither annotated @RestController or @RestControllerAdvice nor nested in such a class", (type) -> {
				for (JavaClass candidate = type; candidate != null; candidate = candidate.getEnclosingClass()
					.orElse(null)) {
					if (candidate.isAnnotatedWith(RestController.class)
							|| candidate.isAnnotatedWith(RestControllerAdvice.class)) {
						return false;
					}
				}
				return true;
			});

	/** Code that reads or writes MongoDB. */
	private static final DescribedPredicate<JavaClass> storage = DescribedPredicate
		.describe("use MongoDB (the driver or Spring Data)", (type) -> type.getDirectDependenciesFromSelf()
			.stream()
			.anyMatch((dependency) -> dependency.getTargetClass().getPackageName().startsWith("com.mongodb")
					|| dependency.getTargetClass().getPackageName().startsWith("org.springframework.data.mongodb")));

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.data", "dev.keel.support.access");

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
	void onlyControllersAndTheAdviceKnowHttp() {
		noClasses().that(outsideTheWebLayer)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.http..", "org.springframework.web..")
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(dev.keel.support.web.KeelProblemException.class)
			.check(this.classes);
	}

	@Test
	void queriesAreFreeOfTheWeb() {
		noClasses().that()
			.resideInAPackage("..data.query..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB)
			.check(this.classes);
	}

	@Test
	void storageCodeNeverSeesWebTypes() {
		noClasses().that(storage).should().dependOnClassesThat().resideInAnyPackage(WEB).check(this.classes);
	}

	@Test
	void theAccessModelIsFreeOfSpring() {
		noClasses().that()
			.resideInAPackage("dev.keel.support.access..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "jakarta..")
			.check(this.classes);
	}

}
