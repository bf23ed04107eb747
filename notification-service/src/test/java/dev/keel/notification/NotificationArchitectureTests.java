package dev.keel.notification;

import java.util.Arrays;

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
 * How notification-service's features may lean on each other: the inbox, preferences,
 * email, webhooks and accounts stand alone; the stream reads the inbox and accounts;
 * subscriptions ask accounts and deliver through the inbox, preferences and email. Only
 * controllers (and their advice) see HTTP: the services return outcomes that the
 * controllers turn into statuses and problem documents, and storage code never sees web
 * types. The rules key on packages, annotations and dependencies, not on class names.
 */
class NotificationArchitectureTests {

	private static final String[] WEB = { "org.springframework.http..", "org.springframework.web..",
			"jakarta.servlet.." };

	/** Controllers and advice, with the classes nested in them (a controller's sink). */
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

	/** Classes that keep things in MongoDB. */
	private static final DescribedPredicate<JavaClass> storage = DescribedPredicate
		.describe("storage (@Repository or using MongoDB)", (type) -> type.isAnnotatedWith(Repository.class) || type
			.getDirectDependenciesFromSelf()
			.stream()
			.anyMatch((dependency) -> dependency.getTargetClass().getPackageName().startsWith("com.mongodb")
					|| dependency.getTargetClass().getPackageName().startsWith("org.springframework.data.mongodb")));

	private static final String[] FEATURES = { "..notification.inbox..", "..notification.stream..",
			"..notification.subscription..", "..notification.preference..", "..notification.email..",
			"..notification.webhook..", "..notification.account.." };

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.keel.notification");

	@Test
	void inboxPreferencesEmailWebhooksAndAccountsStandAlone() {
		for (String feature : new String[] { "inbox", "preference", "email", "webhook", "account" }) {
			noClasses().that()
				.resideInAPackage("..notification." + feature + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(othersThan(feature))
				.allowEmptyShould(true)
				.check(this.classes);
		}
	}

	@Test
	void theStreamKnowsOnlyTheInboxAndAccounts() {
		noClasses().that()
			.resideInAPackage("..notification.stream..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.subscription..", "..notification.preference..",
					"..notification.email..", "..notification.webhook..")
			.allowEmptyShould(true)
			.check(this.classes);
	}

	@Test
	void subscriptionsDoNotKnowTheStreamOrWebhooks() {
		noClasses().that()
			.resideInAPackage("..notification.subscription..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..notification.stream..", "..notification.webhook..")
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

	private static String[] othersThan(String feature) {
		return Arrays.stream(FEATURES)
			.filter((pattern) -> !pattern.equals("..notification." + feature + ".."))
			.toArray(String[]::new);
	}

}
