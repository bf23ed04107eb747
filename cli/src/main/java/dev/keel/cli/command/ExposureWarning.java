package dev.keel.cli.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.keel.cli.platform.BindAddress;
import dev.keel.cli.platform.DiscoveryAccess;
import dev.keel.cli.platform.LocalAdmin;

/**
 * What {@code keel run} says when it listens beyond loopback: who can now reach the
 * platform, loudly when the public development admin password is active, and where
 * discovery's password is.
 */
final class ExposureWarning {

	private static final String RULE = "!".repeat(100);

	private ExposureWarning() {
	}

	static List<String> lines(BindAddress bindAddress, Map<String, String> environment, DiscoveryAccess discovery) {
		if (!bindAddress.beyondLoopback()) {
			return List.of();
		}
		List<String> lines = new ArrayList<>();
		lines.add(RULE);
		lines.add("WARNING: Keel listens on every interface (" + bindAddress.address() + "): anyone who can reach this"
				+ " machine reaches the gateway, discovery and every service directly.");
		if (LocalAdmin.from(environment).filter(LocalAdmin::developmentDefault).isPresent()) {
			lines.add("WARNING: the DEVELOPMENT ADMIN PASSWORD is active, and it is public (it is in the docs): anyone"
					+ " on your network can sign in as admin. Set " + LocalAdmin.EMAIL_VARIABLE + " and "
					+ LocalAdmin.PASSWORD_VARIABLE + " (then ./keel run --clean), or run without --host.");
		}
		lines.add((discovery.file() != null)
				? "Discovery's password (keep it to yourself) is in " + discovery.file() + "."
				: "Discovery's password comes from " + DiscoveryAccess.PASSWORD_VARIABLE + ".");
		lines.add(RULE);
		return List.copyOf(lines);
	}

}
