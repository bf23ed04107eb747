package dev.keel.system;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.keel.system.Api.Reply;

import static dev.keel.system.DataFixtures.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Query filters through the gateway (API.md §4, data-contract "Queries"): every RSQL
 * operator, AND/OR with parentheses, wildcards, nested paths, system fields, and values
 * typed by the schema.
 */
@ExtendWith(RunningPlatform.class)
@Order(Order.DEFAULT + 50)
class DocumentQuerySystemTests {

	private static TaskSeeds tasks;

	@BeforeAll
	static void seed() {
		tasks = TaskSeeds.create();
	}

	@Test
	void comparisonOperatorsMatchTypedValues() {
		tasks.assertMatches("title==beta", "beta");
		tasks.assertMatches("title!=beta", "alpha", "alphabet", "gamma", "delta", "omega");
		tasks.assertMatches("priority==3", "beta", "gamma");
		tasks.assertMatches("priority=lt=3", "alpha", "alphabet");
		tasks.assertMatches("priority=le=3", "alpha", "alphabet", "beta", "gamma");
		tasks.assertMatches("priority=gt=3", "delta", "omega");
		tasks.assertMatches("priority=ge=5", "delta", "omega");
		tasks.assertMatches("done==true", "alphabet", "gamma", "omega");
		tasks.assertMatches("done!=true", "alpha", "beta", "delta");
		tasks.assertMatches("title=in=(beta,gamma,zeta)", "beta", "gamma");
		tasks.assertMatches("title=out=(beta,gamma)", "alpha", "alphabet", "delta", "omega");
		tasks.assertMatches("priority=in=(1,5)", "alpha", "delta");
		tasks.assertMatches("note=exists=true", "gamma");
		tasks.assertMatches("note=exists=false", "alpha", "alphabet", "beta", "delta", "omega");
		tasks.assertMatches("title=='beta'", "beta");
	}

	@Test
	void wildcardsMatchPrefixesSuffixesAndInfixesOnly() {
		tasks.assertMatches("title==alpha*", "alpha", "alphabet");
		tasks.assertMatches("title==*ta", "beta", "delta");
		tasks.assertMatches("title==*lph*", "alpha", "alphabet");
		tasks.assertMatches("title==al*ha");
		tasks.assertMatches("title==.*");
	}

	@Test
	void andBindsTighterThanOrAndParenthesesGroup() {
		tasks.assertMatches("done==true;priority=ge=3", "gamma", "omega");
		tasks.assertMatches("done==true and priority=ge=3", "gamma", "omega");
		tasks.assertMatches("title==beta or title==gamma", "beta", "gamma");
		tasks.assertMatches("priority==1,priority==8;done==false", "alpha");
		tasks.assertMatches("priority==1,priority==8;done==true", "alpha", "omega");
		tasks.assertMatches("(priority==1,priority==8);done==true", "omega");
		tasks.assertMatches("(title==alpha,title==delta);(address.city==Oslo,address.city==Paris)", "alpha", "delta");
		tasks.assertMatches("((((done==false))))", "alpha", "beta", "delta");
	}

	@Test
	void dottedPathsReachIntoNestedObjects() {
		tasks.assertMatches("address.city==Oslo", "alpha", "beta");
		tasks.assertMatches("address.city=in=(Bergen,Paris)", "alphabet", "delta");
		tasks.assertMatches("address.city=exists=false", "gamma", "omega");
		tasks.assertMatches("address.zip=exists=true");
	}

	@Test
	void systemFieldsCanBeFilteredOn() {
		String betaCreated = tasks.get("beta").path("_createdAt").asString();
		String[] later = tasks.titles()
			.stream()
			.filter((title) -> tasks.get(title).path("_createdAt").asString().compareTo(betaCreated) > 0)
			.toArray(String[]::new);
		assertThat(later).contains("omega").doesNotContain("alpha", "alphabet", "beta");
		tasks.assertMatches("_createdAt=gt=" + betaCreated, later);
		tasks.assertMatches("_createdAt=le=" + betaCreated,
				tasks.titles().stream().filter((title) -> !List.of(later).contains(title)).toArray(String[]::new));
		tasks.assertMatches("_owner==" + tasks.owner().id(), "alpha", "alphabet", "beta", "gamma", "delta");
		tasks.assertMatches("_owner!=" + tasks.owner().id(), "omega");
		tasks.assertMatches("_id==" + tasks.id("gamma"), "gamma");
		tasks.assertMatches("_id=in=(" + tasks.id("alpha") + "," + tasks.id("omega") + ")", "alpha", "omega");
		tasks.assertMatches("_version==1", tasks.titles().toArray(String[]::new));
		tasks.assertMatches("_updatedAt=gt=2000-01-01T00:00:00.000Z", tasks.titles().toArray(String[]::new));
	}

	@Test
	void filtersWithRawOperatorsAndEncodedCharactersReadTheSame() {
		// curl users and many HTTP libraries leave '=' in a query value as it is, which
		// RFC
		// 3986 allows, and encode only what they must, such as spaces and quotes.
		for (String raw : List.of("done==true%3Bpriority=ge=3", "done==true%20and%20priority=ge=3",
				"title=in=(gamma,%22omega%22)", "title==%27omega%27,title==gamma")) {
			Reply reply = Api.get(DataFixtures.documents(tasks.collection()) + "?limit=100&filter=" + raw,
					tasks.owner().token());
			assertThat(DataFixtures.titles(reply)).as(raw).containsExactlyInAnyOrder("gamma", "omega");
		}
	}

	@Test
	void valuesThatDoNotFitTheSchemaTypeAreRefused() {
		for (String filter : List.of("priority==high", "priority=gt=abc", "done==maybe", "_createdAt=gt=yesterday",
				"_version==one", "title=in=()", "title==", "title=exists=perhaps")) {
			assertProblem(DataFixtures.query(tasks.owner().token(), tasks.collection(), "filter", filter), 400,
					"invalid_filter");
			assertProblem(DataFixtures.countReply(tasks.owner().token(), tasks.collection(), filter), 400,
					"invalid_filter");
		}
	}

}
