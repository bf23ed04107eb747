package dev.keel.support.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.netflix.discovery.shared.resolver.DefaultEndpoint;
import com.netflix.discovery.shared.transport.EurekaHttpClient;
import com.netflix.discovery.shared.transport.EurekaHttpResponse;
import com.netflix.discovery.shared.transport.jersey.TransportClientFactories;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.netflix.eureka.EurekaClientConfigBean;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Eureka client that Spring Cloud builds from the configuration sends discovery's
 * credentials, to a stand-in discovery server that records what it receives.
 */
class KeelDiscoveryAutoConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KeelDiscoveryAutoConfiguration.class,
				DiscoveryClientOptionalArgsConfiguration.class));

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private HttpServer discovery;

	@BeforeEach
	void startDiscovery() throws IOException {
		this.discovery = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.discovery.createContext("/eureka/", (exchange) -> {
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			byte[] body = "{\"applications\":{\"versions__delta\":\"1\",\"apps__hashcode\":\"\",\"application\":[]}}"
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.discovery.start();
	}

	@AfterEach
	void stopDiscovery() {
		this.discovery.stop(0);
	}

	@Test
	void eurekaRequestsCarryTheDiscoveryCredentials() {
		this.contexts.withPropertyValues("keel.discovery.username=keel", "keel.discovery.password=s3cret/ä")
			.run((context) -> {
				EurekaHttpResponse<?> response = client(context.getBean(TransportClientFactories.class))
					.getApplications();
				assertThat(response.getStatusCode()).isEqualTo(200);
				assertThat(this.authorizations).containsExactly("Basic " + java.util.Base64.getEncoder()
					.encodeToString("keel:s3cret/ä".getBytes(StandardCharsets.UTF_8)));
			});
	}

	@Test
	void withoutCredentialsNothingIsSent() {
		this.contexts.run((context) -> {
			client(context.getBean(TransportClientFactories.class)).getApplications();
			assertThat(this.authorizations).containsExactly("null");
		});
	}

	@SuppressWarnings("unchecked")
	private EurekaHttpClient client(TransportClientFactories<?> factories) {
		String url = "http://127.0.0.1:" + this.discovery.getAddress().getPort() + "/eureka/";
		return factories.newTransportClientFactory(new EurekaClientConfigBean(), List.of(), null)
			.newClient(new DefaultEndpoint(url));
	}

}
