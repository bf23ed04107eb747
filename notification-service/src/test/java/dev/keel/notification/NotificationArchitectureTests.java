package dev.keel.notification;

import java.util.Arrays;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * How notification-service's features may lean on each other: the inbox, preferences,
 * email, webhooks and accounts stand alone; the stream reads the inbox and accounts;
 * subscriptions ask accounts and deliver through the inbox, preferences and email.
 * Storage code never sees web types.
 */
class NotificationArchitectureTests {

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
	void storageCodeNeverSeesWebTypes() {
		noClasses().that()
			.haveSimpleNameEndingWith("Store")
			.or()
			.haveSimpleNameEndingWith("Queue")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..")
			.check(this.classes);
	}

	private static String[] othersThan(String feature) {
		return Arrays.stream(FEATURES)
			.filter((pattern) -> !pattern.equals("..notification." + feature + ".."))
			.toArray(String[]::new);
	}

}
