package dev.keel.data.document;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.keel.support.access.AccessRule;
import dev.keel.support.security.CurrentCaller;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see the document in the answer to their write, under each read rule. */
class DocumentAccessTests {

	private static final Map<String, Optional<CurrentCaller>> callers = Map.of("nobody", Optional.empty(), "alice",
			Optional.of(new CurrentCaller("alice", Set.of(), null)), "bob",
			Optional.of(new CurrentCaller("bob", Set.of(), null)), "sam",
			Optional.of(new CurrentCaller("sam", Set.of("staff"), null)), "root",
			Optional.of(new CurrentCaller("root", Set.of("admin"), null)));

	// The document is alice's in every row.
	@ParameterizedTest(name = "read: {0}, caller {1} -> {2}")
	@CsvSource({ "public, nobody, true", "public, bob, true", "authenticated, nobody, false",
			"authenticated, bob, true", "owner, nobody, false", "owner, alice, true", "owner, bob, false",
			"owner, root, true", "role:staff, nobody, false", "role:staff, alice, false", "role:staff, sam, true",
			"role:staff, root, true" })
	void writerSeesTheDocumentOnlyWhenTheReadRuleLetsThem(String rule, String caller, boolean sees) {
		AccessRule read = AccessRule.parse(rule).orElseThrow();

		assertThat(DocumentAccess.mayRead(read, callers.get(caller), "alice")).isEqualTo(sees);
	}

	@ParameterizedTest(name = "caller {0}")
	@CsvSource({ "nobody", "alice", "root" })
	void anAnonymousCreationIsOwnedByNobodyUnderTheOwnerRule(String caller) {
		boolean admin = caller.equals("root");

		assertThat(DocumentAccess.mayRead(AccessRule.parse("owner").orElseThrow(), callers.get(caller), null))
			.isEqualTo(admin);
	}

}
