package dev.keel.gateway.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.configuration.TlsProperties;
import org.springframework.cloud.netflix.eureka.config.DiscoveryClientOptionalArgsConfiguration;
import org.springframework.cloud.netflix.eureka.http.EurekaClientHttpRequestFactorySupplier;
import org.springframework.cloud.netflix.eureka.http.RestClientDiscoveryClientOptionalArgs;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.support.BasicAuthenticationInterceptor;
import org.springframework.web.client.RestClient;

/**
 * Makes the Eureka client send discovery's credentials: the client Spring Cloud would
 * build anyway (its request factory, timeouts and TLS settings), plus HTTP Basic on every
 * request, and on no other client.
 */
@Configuration(proxyBeanMethods = false)
class DiscoveryClientConfiguration {

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
