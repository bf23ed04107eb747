package dev.keel.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Keeps webhooks from reaching into the platform's own network (server-side request
 * forgery): unless private targets are allowed, a host that resolves to a loopback,
 * link-local (cloud metadata), private, carrier-grade NAT, multicast or unspecified
 * address is refused. It is checked when a webhook is registered and again before every
 * attempt, since DNS answers change.
 */
final class TargetGuard {

	private final boolean allowPrivate;

	private final Resolver resolver;

	TargetGuard(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/** A guard that resolves names with the JVM's resolver, as the HTTP client does. */
	static TargetGuard of(boolean allowPrivate) {
		return new TargetGuard(allowPrivate, InetAddress::getAllByName);
	}

	/**
	 * Why a host may not be called.
	 * @param host a URL's host, IPv6 literals in brackets or not
	 * @return the reason, or empty when it may be called
	 */
	Optional<String> refusal(String host) {
		if (this.allowPrivate) {
			return Optional.empty();
		}
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(name);
		}
		catch (UnknownHostException ex) {
			return Optional.of("its host " + name + " could not be resolved");
		}
		return Arrays.stream(addresses)
			.filter(TargetGuard::isInternal)
			.findFirst()
			.map((address) -> "its host " + name + " resolves to " + address.getHostAddress()
					+ ", a loopback, private, link-local or other internal address, which webhooks may not call");
	}

	static boolean isInternal(InetAddress address) {
		if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
				|| address.isMulticastAddress() || address.isAnyLocalAddress()) {
			return true;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet4Address) {
			return isInternalIpv4(bytes);
		}
		if (address instanceof Inet6Address) {
			return isInternalIpv6(bytes);
		}
		return false;
	}

	private static boolean isInternalIpv4(byte[] bytes) {
		int first = bytes[0] & 0xff;
		int second = bytes[1] & 0xff;
		boolean thisNetwork = first == 0;
		boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64;
		boolean broadcast = Arrays.equals(bytes, new byte[] { -1, -1, -1, -1 });
		return thisNetwork || sharedAddressSpace || broadcast;
	}

	private static boolean isInternalIpv6(byte[] bytes) {
		boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
		if (uniqueLocal) {
			return true;
		}
		// An IPv4 address inside IPv6 (IPv4-compatible ::a.b.c.d, NAT64 64:ff9b::/96)
		// reaches that IPv4 address, so it is judged as one.
		boolean compatible = isZero(bytes, 0, 12);
		boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xff) == 0xff && (bytes[3] & 0xff) == 0x9b
				&& isZero(bytes, 4, 12);
		if (compatible || nat64) {
			try {
				return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
			}
			catch (UnknownHostException ex) {
				return true;
			}
		}
		return false;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/** Looks up a host's addresses. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
