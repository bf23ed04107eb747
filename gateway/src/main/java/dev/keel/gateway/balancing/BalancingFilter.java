package dev.keel.gateway.balancing;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.CompletionContext;
import org.springframework.cloud.client.loadbalancer.DefaultRequest;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycle;
import org.springframework.cloud.client.loadbalancer.LoadBalancerLifecycleValidator;
import org.springframework.cloud.client.loadbalancer.RequestData;
import org.springframework.cloud.client.loadbalancer.RequestDataContext;
import org.springframework.cloud.client.loadbalancer.Response;
import org.springframework.cloud.client.loadbalancer.ResponseData;
import org.springframework.cloud.gateway.config.GatewayLoadBalancerProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.DelegatingServiceInstance;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.cloud.loadbalancer.core.ReactorServiceInstanceLoadBalancer;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's load-balancer filter, with each service's load balancer and
 * lifecycle processors looked up once instead of on every request. The stock filter
 * searches the service's load-balancer context and the whole application context for
 * {@link LoadBalancerLifecycle} beans per request; both are fixed once the service's
 * context exists. Everything else is as in the stock filter: the same instance choice,
 * the same lifecycle calls, and a 503 when a service has no instance.
 */
@SuppressWarnings({ "rawtypes", "unchecked" })
class BalancingFilter extends ReactiveLoadBalancerClientFilter {

	private final LoadBalancerClientFactory clientFactory;

	private final GatewayLoadBalancerProperties properties;

	private final Map<String, Balancer> balancers = new ConcurrentHashMap<>();

	BalancingFilter(LoadBalancerClientFactory clientFactory, GatewayLoadBalancerProperties properties) {
		super(clientFactory, properties);
		this.clientFactory = clientFactory;
		this.properties = properties;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
		URI url = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR);
		String schemePrefix = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_SCHEME_PREFIX_ATTR);
		if (url == null || (!"lb".equals(url.getScheme()) && !"lb".equals(schemePrefix))) {
			return chain.filter(exchange);
		}
		ServerWebExchangeUtils.addOriginalRequestUrl(exchange, url);
		String serviceId = url.getHost();
		Balancer balancer = balancer(serviceId);
		DefaultRequest<RequestDataContext> request = new DefaultRequest<>(new RequestDataContext(
				new RequestData(exchange.getRequest(), exchange.getAttributes()), hint(serviceId)));
		Set<LoadBalancerLifecycle> lifecycles = balancer.lifecycles();
		lifecycles.forEach((lifecycle) -> lifecycle.onStart(request));
		Mono<Void> routed = balancer.loadBalancer()
			.choose(request)
			.doOnNext((response) -> route(exchange, url, schemePrefix, request, response, lifecycles))
			.then(chain.filter(exchange));
		return lifecycles.isEmpty() ? routed : withCompletion(routed, exchange, request, lifecycles);
	}

	private Balancer balancer(String serviceId) {
		Balancer balancer = this.balancers.get(serviceId);
		if (balancer == null) {
			ReactorServiceInstanceLoadBalancer loadBalancer = this.clientFactory.getInstance(serviceId,
					ReactorServiceInstanceLoadBalancer.class);
			if (loadBalancer == null) {
				throw new NotFoundException("No loadbalancer available for " + serviceId);
			}
			Set<LoadBalancerLifecycle> lifecycles = LoadBalancerLifecycleValidator.getSupportedLifecycleProcessors(
					this.clientFactory.getInstances(serviceId, LoadBalancerLifecycle.class), RequestDataContext.class,
					ResponseData.class, ServiceInstance.class);
			balancer = new Balancer(loadBalancer, Set.copyOf(lifecycles));
			this.balancers.put(serviceId, balancer);
		}
		return balancer;
	}

	private void route(ServerWebExchange exchange, URI url, String schemePrefix,
			DefaultRequest<RequestDataContext> request, Response<ServiceInstance> response,
			Set<LoadBalancerLifecycle> lifecycles) {
		if (!response.hasServer()) {
			lifecycles.forEach((lifecycle) -> lifecycle
				.onComplete(new CompletionContext<>(CompletionContext.Status.DISCARD, request, response)));
			throw NotFoundException.create(this.properties.isUse404(), "Unable to find instance for " + url.getHost());
		}
		ServiceInstance instance = Objects.requireNonNull(response.getServer(), "retrievedInstance can not be null");
		// lb:<scheme> asks for <scheme>, whatever the instance says
		String scheme = (schemePrefix != null) ? url.getScheme() : (instance.isSecure() ? "https" : "http");
		URI requestUrl = reconstructURI(new DelegatingServiceInstance(instance, scheme),
				exchange.getRequest().getURI());
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR, requestUrl);
		exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR, response);
		lifecycles.forEach((lifecycle) -> lifecycle.onStartRequest(request, response));
	}

	private static Mono<Void> withCompletion(Mono<Void> routed, ServerWebExchange exchange,
			DefaultRequest<RequestDataContext> request, Set<LoadBalancerLifecycle> lifecycles) {
		return routed
			.doOnError((ex) -> lifecycles.forEach((lifecycle) -> lifecycle
				.onComplete(new CompletionContext<>(CompletionContext.Status.FAILED, ex, request, chosen(exchange)))))
			.doOnSuccess((done) -> lifecycles
				.forEach((lifecycle) -> lifecycle.onComplete(new CompletionContext<>(CompletionContext.Status.SUCCESS,
						request, chosen(exchange), new ResponseData(exchange.getResponse(),
								new RequestData(exchange.getRequest(), exchange.getAttributes()))))));
	}

	private static Response<ServiceInstance> chosen(ServerWebExchange exchange) {
		return exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_LOADBALANCER_RESPONSE_ATTR);
	}

	private String hint(String serviceId) {
		Map<String, String> hints = this.clientFactory.getProperties(serviceId).getHint();
		String hint = hints.get(serviceId);
		return (hint != null) ? hint : hints.getOrDefault("default", "default");
	}

	private record Balancer(ReactorServiceInstanceLoadBalancer loadBalancer, Set<LoadBalancerLifecycle> lifecycles) {
	}

}
