package dev.keel.gateway.edge;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SafeQueryTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ticket=abc                                  | ticket=***
			token=abc&limit=5                           | token=***&limit=5
			limit=5&access_token=a&refresh_token=b      | limit=5&access_token=***&refresh_token=***
			client_secret=s&password=p&client_id=c      | client_secret=***&password=***&client_id=c
			TICKET=abc&Password=p                       | TICKET=***&Password=***
			tick%65t=abc                                | tick%65t=***
			ticket=a&ticket=b                           | ticket=***&ticket=***
			ticket=                                     | ticket=***
			ticket                                      | ticket
			filter=a==1%3Bb=ge=3&cursor=x               | filter=a==1%3Bb=ge=3&cursor=x
			tokenish=abc&my_token=x                     | tokenish=abc&my_token=x
			%zz=1&ticket=a%zz                           | %zz=1&ticket=***
			""")
	void masksTheValuesOfSecretParametersOnly(String raw, String logged) {
		assertThat(SafeQuery.of(raw)).isEqualTo(logged);
	}

	@Test
	void noQueryLogsNone() {
		assertThat(SafeQuery.of(null)).isNull();
		assertThat(SafeQuery.of("")).isNull();
	}

	@Test
	void emptyParametersAreKept() {
		assertThat(SafeQuery.of("a=1&&ticket=t&")).isEqualTo("a=1&&ticket=***&");
	}

}
