package dev.keel.storage;

import java.util.Optional;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import dev.keel.support.web.KeelProblemException;

import static com.tngtech.archunit.lang.conditions.ArchPredicates.are;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How storage-service's features may lean on each other: buckets know nothing of objects
 * (a deleted bucket's contents go through {@code BucketContents}), blobs know neither.
 * Only controllers (and the advice) see HTTP, and storage code never sees web types. The
 * rules key on packages, annotations and dependencies, not on class names.
 */
class StorageArchitectureTests {

	private static final String[] WEB = { "org.springframework.http..", "org.springframework.web..",
			"jakarta.servlet..", "org.apache.commons.fileupload2.." };

	private static final DescribedPredicate<JavaClass> webAdapters = DescribedPredicate
		.describe("web adapters (@RestController or @RestControllerAdvice, or nested in one)", (type) -> {
			for (Optional<JavaClass> at = Optional.of(type); at.isPresent(); at = at.get().getEnclosingClass()) {
				if (at.get().isAnnotatedWith(RestController.class)
						|| at.get().isAnnotatedWith(RestControllerAdvice.class)) {
					return true;
				}
			}
			return false;
		});

	private static final DescribedPredicate<JavaClass> storage = DescribedPredicate.describe(
			"storage (@Repository, using MongoDB, or in the blob package)",
			(type) -> type.isAnnotatedWith(Repository.class) || type.getPackageName().endsWith(".storage.blob")
					|| type.getDirectDependenciesFromSelf()
						.stream()
						.anyMatch((dependency) -> dependency.getTargetClass().getPackageName().startsWith("com.mongodb")
								|| dependency.getTargetClass()
									.getPackageName()
									.startsWith("org.springframework.data.mongodb")));

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.storage");

	@Test
	void bucketsDoNotKnowObjects() {
		noClasses().that()
			.resideInAPackage("..storage.bucket..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..storage.object..")
			.check(this.classes);
	}

	@Test
	void blobsKnowNoFeature() {
		noClasses().that()
			.resideInAPackage("..storage.blob..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..storage.bucket..", "..storage.object..", "..storage.config..")
			.check(this.classes);
	}

	@Test
	void onlyControllersSeeHttpOrProblemExceptions() {
		noClasses().that(are(DescribedPredicate.not(webAdapters)))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB)
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(KeelProblemException.class)
			.check(this.classes);
	}

	@Test
	void storageCodeNeverSeesWebTypes() {
		noClasses().that(are(storage))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(WEB)
			.orShould()
			.dependOnClassesThat()
			.belongToAnyOf(KeelProblemException.class)
			.check(this.classes);
	}

}
