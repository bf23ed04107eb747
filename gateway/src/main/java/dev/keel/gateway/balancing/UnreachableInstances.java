package dev.keel.gateway.balancing;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.stereotype.Component;

/**
 * Instances that refused or dropped a connection a moment ago, by host and port. A killed
 * instance stays registered with Eureka for several seconds; while it is listed here the
 * load balancer leaves it out, so a retry lands on a live instance.
 */
@Component
class UnreachableInstances {

	private static final Logger log = LoggerFactory.getLogger(UnreachableInstances.class);

	private final Map<String, Instant> ejected = new ConcurrentHashMap<>();

	private final Duration ejection;

	private final Clock clock;

	@Autowired
	UnreachableInstances(BalancingSettings settings) {
		this(settings.ejection(), Clock.systemUTC());
	}

	UnreachableInstances(Duration ejection, Clock clock) {
		this.ejection = ejection;
		this.clock = clock;
	}

	void failed(URI target) {
		if (target != null && target.getHost() != null && this.ejection.isPositive()) {
			Instant until = this.clock.instant().plus(this.ejection);
			if (this.ejected.put(key(target.getHost(), target.getPort()), until) == null) {
				log.warn("{}:{} refused a connection; sending nothing to it for {} s", target.getHost(),
						target.getPort(), this.ejection.toSeconds());
			}
		}
	}

	/**
	 * Whether no instance is held out, the usual case, which costs the balancer nothing.
	 * @return whether none is
	 */
	boolean isEmpty() {
		return this.ejected.isEmpty();
	}

	boolean isEjected(ServiceInstance instance) {
		String key = key(instance.getHost(), instance.getPort());
		Instant until = this.ejected.get(key);
		if (until == null) {
			return false;
		}
		if (until.isBefore(this.clock.instant())) {
			this.ejected.remove(key, until);
			return false;
		}
		return true;
	}

	private static String key(String host, int port) {
		return host + ":" + port;
	}

}
