package dev.keel.gateway.request;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TraceParentTests {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void readsACallersSampledTrace() {
		TraceParent caller = TraceParent.parse("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
		assertThat(caller).isEqualTo(new TraceParent(TRACE_ID, "00f067aa0ba902b7", true));
		assertThat(caller.header()).isEqualTo("00-" + TRACE_ID + "-00f067aa0ba902b7-01");
	}

	@Test
	void theGatewaysSpanKeepsTheCallersTraceAndDecision() {
		TraceParent child = TraceParent.parse("00-" + TRACE_ID + "-00f067aa0ba902b7-00").child();
		assertThat(child.header()).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-00").doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void laterVersionsAreReadByTheirVersionZeroPart() {
		assertThat(TraceParent.parse("01-" + TRACE_ID + "-00f067aa0ba902b7-09-extra").sampled()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "00-not-a-trace-01", "", "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra",
			"00_4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01" })
	void malformedHeadersAreIgnored(String header) {
		assertThat(TraceParent.parse(header)).isNull();
	}

	@Test
	void newTracesHaveW3cIds() {
		TraceParent trace = TraceParent.newTrace(false);
		assertThat(trace.header()).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00");
		assertThat(TraceParent.newTrace(false).traceId()).isNotEqualTo(trace.traceId());
	}

}
