package dev.keel.gateway.request;

import java.net.URI;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Forwards the client's query string byte for byte. Spring Cloud Gateway re-encodes a
 * query it judges "not fully encoded" — one with a raw {@code =} inside a value next to a
 * {@code %} escape, as in the RSQL filter {@code filter=a==1%3Bb=ge=3} — turning
 * {@code %3B} into {@code %253B}, so the service would see another filter than the client
 * sent (spring-cloud-gateway#2065). The query was valid enough to reach us, so it goes on
 * unchanged; only the scheme, host and port come from the load balancer.
 */
@Component
class RawQueryFilter implements GlobalFilter, Ordered {

	/**
	 * Right after the load balancer has chosen the instance, before the request is sent.
	 */
	static final int ORDER = ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 1;

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI routed = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		String rawQuery = exchange.getRequest().getURI().getRawQuery();
		if (routed != null && rawQuery != null && !rawQuery.equals(routed.getRawQuery())) {
			try {
				URI unchanged = URI.create(
						routed.getScheme() + "://" + routed.getRawAuthority() + routed.getRawPath() + "?" + rawQuery);
				exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, unchanged);
			}
			catch (IllegalArgumentException ex) {
				// Leave the gateway's own encoding in place.
			}
		}
		return chain.filter(exchange);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
