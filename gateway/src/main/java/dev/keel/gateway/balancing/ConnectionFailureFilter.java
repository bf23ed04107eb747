package dev.keel.gateway.balancing;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
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
 * Notes the instance a request was sent to when the connection to it fails, so that the
 * retry, and every request after it, goes elsewhere.
 */
@Component
class ConnectionFailureFilter implements GlobalFilter, Ordered {

	private final UnreachableInstances unreachable;

	ConnectionFailureFilter(UnreachableInstances unreachable) {
		this.unreachable = unreachable;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		return chain.filter(exchange).doOnError((ex) -> {
			if (isConnectionFailure(ex)) {
				URI target = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
				this.unreachable.failed(target);
			}
		});
	}

	static boolean isConnectionFailure(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
				return true;
			}
		}
		return false;
	}

	@Override
	public int getOrder() {
		// right after the load balancer has chosen the instance
		return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER + 2;
	}

}
