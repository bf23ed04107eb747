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
 * link-local (cloud metadata), private, carrier-grade NAT, benchmarking, IETF protocol,
 * reserved, multicast or unspecified address is refused. It is checked when a webhook is
 * registered and again before every attempt, since DNS answers change; an attempt then
 * connects to the address checked here, never to a second lookup's answer (DNS
 * rebinding).
 */
final class TargetGuard {

	private final boolean allowPrivate;

	private final Resolver resolver;

	TargetGuard(boolean allowPrivate, Resolver resolver) {
		this.allowPrivate = allowPrivate;
		this.resolver = resolver;
	}

	/** A guard that resolves names with the JVM's resolver. */
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
			// Any name may be registered then, even one that resolves only later.
			return Optional.empty();
		}
		return Optional.ofNullable(check(host).refusal());
	}

	/**
	 * Resolves a host once and judges its addresses.
	 * @param host a URL's host, IPv6 literals in brackets or not
	 * @return the address to connect to, or why none may be
	 */
	Checked check(String host) {
		String name = (host.startsWith("[") && host.endsWith("]")) ? host.substring(1, host.length() - 1) : host;
		InetAddress[] addresses;
		try {
			addresses = this.resolver.resolve(name);
		}
		catch (UnknownHostException ex) {
			return Checked.refused("its host " + name + " could not be resolved");
		}
		if (addresses.length == 0) {
			return Checked.refused("its host " + name + " could not be resolved");
		}
		if (!this.allowPrivate) {
			Optional<InetAddress> internal = Arrays.stream(addresses).filter(TargetGuard::isInternal).findFirst();
			if (internal.isPresent()) {
				return Checked.refused("its host " + name + " resolves to " + internal.get().getHostAddress()
						+ ", a loopback, private, link-local or other internal address, which webhooks may not call");
			}
		}
		return new Checked(addresses[0], null);
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
		int third = bytes[2] & 0xff;
		boolean thisNetwork = first == 0;
		boolean sharedAddressSpace = first == 100 && (second & 0xc0) == 64;
		boolean ietfProtocolAssignments = first == 192 && second == 0 && third == 0;
		boolean benchmarking = first == 198 && (second & 0xfe) == 18;
		// 240.0.0.0/4, with the broadcast address 255.255.255.255 in it
		boolean reserved = (first & 0xf0) == 240;
		return thisNetwork || sharedAddressSpace || ietfProtocolAssignments || benchmarking || reserved;
	}

	private static boolean isInternalIpv6(byte[] bytes) {
		boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
		// 64:ff9b:1::/48, the local-use NAT64 prefix, translates to whatever its operator
		// chose: never public by definition.
		boolean localNat64 = startsWith(bytes, 0x00, 0x64, 0xff, 0x9b, 0x00, 0x01);
		if (uniqueLocal || localNat64) {
			return true;
		}
		// An IPv4 address inside IPv6 (IPv4-compatible ::a.b.c.d, IPv4-mapped
		// ::ffff:a.b.c.d, NAT64 64:ff9b::/96) reaches that IPv4 address, so it is judged
		// as one.
		boolean compatible = isZero(bytes, 0, 12);
		boolean mapped = isZero(bytes, 0, 10) && (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
		boolean nat64 = startsWith(bytes, 0x00, 0x64, 0xff, 0x9b) && isZero(bytes, 4, 12);
		if (compatible || mapped || nat64) {
			try {
				return isInternal(InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)));
			}
			catch (UnknownHostException ex) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] bytes, int... prefix) {
		for (int i = 0; i < prefix.length; i++) {
			if ((bytes[i] & 0xff) != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isZero(byte[] bytes, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The outcome of one check.
	 *
	 * @param address the address an attempt connects to, or {@code null} when refused
	 * @param refusal why the host may not be called, or {@code null}
	 */
	record Checked(InetAddress address, String refusal) {

		static Checked refused(String reason) {
			return new Checked(null, reason);
		}

	}

	/** Looks up a host's addresses. */
	@FunctionalInterface
	interface Resolver {

		InetAddress[] resolve(String host) throws UnknownHostException;

	}

}
