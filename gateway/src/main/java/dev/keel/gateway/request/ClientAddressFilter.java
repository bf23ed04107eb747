package dev.keel.gateway.request;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Works out each request's {@link ClientAddress} once, before the access log and the rate
 * limits read it.
 */
@Component
class ClientAddressFilter implements WebFilter, Ordered {

	private static final Log logger = LogFactory.getLog(ClientAddressFilter.class);

	private final ClientAddress clientAddress;

	ClientAddressFilter(ClientAddressSettings settings) {
		this.clientAddress = new ClientAddress(settings.trustedProxies());
		if (!settings.trustedProxies().isEmpty()) {
			logger.info(
					"Client addresses are taken from X-Forwarded-For on connections from " + settings.trustedProxies());
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String ip = this.clientAddress.resolve(exchange.getRequest());
		if (ip != null) {
			exchange.getAttributes().put(ClientAddress.ATTRIBUTE, ip);
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

}
