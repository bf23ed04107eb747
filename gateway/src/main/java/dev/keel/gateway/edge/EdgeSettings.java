package dev.keel.gateway.edge;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the edge filters, under {@code keel.gateway}.
 *
 * @param maxBodySize the largest request body the gateway passes on; a larger one gets
 * 413
 * @param cors which browser origins may call the API
 * @param securityHeaders options of the security headers
 * @param accessLog options of the access log
 */
@ConfigurationProperties("keel.gateway")
record EdgeSettings(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue Cors cors,
		@DefaultValue SecurityHeaders securityHeaders, @DefaultValue AccessLog accessLog) {

	/**
	 * @param allowedOrigins origins such as {@code https://app.example.com}; a pattern
	 * such as {@code https://*.example.com} or {@code *} allows several
	 * @param maxAge how long a browser may cache a preflight's answer
	 */
	record Cors(@DefaultValue( {
			"http://localhost:3000", "http://localhost:5173" }) List<String> allowedOrigins,
			@DefaultValue("10m") Duration maxAge){

	}

	/**
	 * @param hsts whether to send {@code Strict-Transport-Security} on every response,
	 * not only on requests that reached the gateway over HTTPS: for a gateway behind a
	 * proxy that ends TLS
	 */
	record SecurityHeaders(@DefaultValue("false") boolean hsts) {

	}

	/**
	 * @param enabled whether to write one line per request to the {@code keel.access}
	 * logger
	 */
	record AccessLog(@DefaultValue("true") boolean enabled) {

	}

}
