package dev.keel.bench.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What is about to be measured, printed before the runs so that a pasted result says what
 * it is: the GET, each route's URL and what is behind it, and the load.
 *
 * @param settings the options
 * @param targets the platform's gateway and service
 * @param urls the measured URL of each route; nginx is absent when not installed
 * @param nginxVersion what {@code nginx -v} says
 * @param wrkVersion what {@code wrk --version} says
 * @param cpus the machine's processors
 */
record BenchHeader(GatewayBenchSettings settings, GatewayTargets targets, Map<Route, URI> urls, String nginxVersion,
		String wrkVersion, int cpus) {

	List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(String.format(Locale.ROOT, "Benchmarking GET %s (%s), signed in as %s:", this.settings.path(),
				this.targets.module(), this.settings.email()));
		for (Route route : Route.values()) {
			URI url = this.urls.get(route);
			lines.add(String.format(Locale.ROOT, "  %-23s %s", route.label(), (url != null) ? url + "  " + behind(route)
					: "nginx is not installed (sudo apt-get install nginx): left out"));
		}
		if (this.targets.instances() > 1) {
			lines.add(String.format(Locale.ROOT,
					"  NOTE: %d instances of %s run; the gateways spread requests over all of them.",
					this.targets.instances(), this.targets.module()));
		}
		lines.add(String.format(Locale.ROOT,
				"Load: %s; %d threads, %d connections; %d s first warm-up of every route before measuring, "
						+ "then %d s warm-up + %d s per run.",
				this.wrkVersion, this.settings.threads(), this.settings.connections(),
				Rounds.firstWarmup(this.settings).toSeconds(), this.settings.warmup().toSeconds(),
				this.settings.duration().toSeconds()));
		lines.add(String.format(Locale.ROOT,
				"Machine: %d CPUs, shared by wrk, nginx, the gateways, the platform and " + "whatever else runs.",
				this.cpus));
		return lines;
	}

	private String behind(Route route) {
		String service = this.targets.service().name();
		return switch (route) {
			case DIRECT -> service + " (pid " + this.targets.service().pid() + ") on its own port";
			case NGINX -> this.nginxVersion + ", a plain reverse proxy to " + service;
			case GATEWAY_NO_VALIDATION -> "a second gateway started for this run, KEEL_GATEWAY_VALIDATE_TOKENS=false";
			case GATEWAY -> "the platform's gateway";
		};
	}

}
