package dev.keel.discovery;

import com.netflix.eureka.cluster.PeerEurekaNodes;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lone server, as {@code ./keel run} starts it on the loopback address, has no peers:
 * it does not take its own URL for another server's and replicate every heartbeat to
 * itself (which kept it busy and filled its log with read time-outs).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.server.port=0", "KEEL_EUREKA_HOSTNAME=127.0.0.1" })
class LoneServerIntegrationTests {

	@Autowired
	PeerEurekaNodes peers;

	@Test
	void aLoneServerOnTheLoopbackAddressHasNoPeers() {
		assertThat(this.peers.getPeerEurekaNodes()).isEmpty();
	}

}
