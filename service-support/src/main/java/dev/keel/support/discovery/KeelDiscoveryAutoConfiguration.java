package dev.keel.support.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.configuration.TlsProperties;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;
import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier;
import org.springframework.cloud.netflix.eureka.http.RestClientDiscoveryClientOptionalArgs;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Makes the Eureka client send discovery's credentials: the client Spring Cloud would
 * build anyway (its request factory, timeouts and TLS settings), plus HTTP Basic on every
 * request. Only the Eureka client gets the header, not the service's other
 * {@link RestClient}s.
 */
@AutoConfiguration(before = DiscoveryClientOptionalArgsConfiguration.class)
@ConditionalOnClass(RestClientDiscoveryClientOptionalArgs.class)
@ConditionalOnProperty(name = "keel.discovery.username")
@EnableConfigurationProperties(DiscoveryCredentials.class)
public class KeelDiscoveryAutoConfiguration {

	@Bean
	RestClientDiscoveryClientOptionalArgs restClientDiscoveryClientOptionalArgs(DiscoveryCredentials credentials,
			EurekaClientHttpRequestFactorySupplier requests, ObjectProvider<RestClient.Builder> builders,
			TlsProperties tls) throws GeneralSecurityException, IOException {
		BasicAuthenticationInterceptor basic = new BasicAuthenticationInterceptor(credentials.username(),
				credentials.password(), StandardCharsets.UTF_8);
		RestClientDiscoveryClientOptionalArgs args = new RestClientDiscoveryClientOptionalArgs(requests,
				() -> builders.getIfAvailable(RestClient::builder).clone().requestInterceptor(basic));
		DiscoveryClientOptionalArgsConfiguration.setupTLS(args, tls);
		return args;
	}

}
