package dev.keel.gateway.request;

import java.net.InetAddress;
import java.net.InetSocketAddress;

import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code keel.gateway.trusted-proxies}: an IP address ({@code 10.1.2.3},
 * {@code 2001:db8::1}) or a CIDR range ({@code 10.0.0.0/8}, {@code fc00::/7}). Matching
 * is Netty's, the same that Spring Cloud Gateway's {@code RemoteAddr} predicate uses.
 */
final class AddressRange {

	private final String text;

	private final IpSubnetFilterRule rule;

	private AddressRange(String text, IpSubnetFilterRule rule) {
		this.text = text;
		this.rule = rule;
	}

	/**
	 * Reads an address or a range; the binder calls this for each comma-separated entry
	 * of the setting. Host names are refused, never resolved.
	 * @param text the entry
	 * @return the range
	 * @throws IllegalArgumentException for anything else
	 */
	public static AddressRange of(String text) {
		String entry = text.strip();
		int slash = entry.indexOf('/');
		InetAddress address = literal((slash < 0) ? entry : entry.substring(0, slash));
		if (address == null) {
			throw invalid(text);
		}
		int maxPrefix = address.getAddress().length * 8;
		int prefix = (slash < 0) ? maxPrefix : prefix(entry.substring(slash + 1), maxPrefix, text);
		return new AddressRange(entry, new IpSubnetFilterRule(address, prefix, IpFilterRuleType.ACCEPT));
	}

	/**
	 * Parses an IP literal without any name lookup.
	 * @param text the text
	 * @return the address, or {@code null} when the text is not an IPv4 or IPv6 literal
	 */
	static @Nullable InetAddress literal(String text) {
		return NetUtil.createInetAddressFromIpAddressString(text);
	}

	boolean contains(InetSocketAddress address) {
		return this.rule.matches(address);
	}

	private static int prefix(String text, int maxPrefix, String entry) {
		// Digits only: Integer.parseInt would take "+8".
		if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw invalid(entry);
		}
		int prefix = Integer.parseInt(text);
		if (prefix > maxPrefix) {
			throw invalid(entry);
		}
		return prefix;
	}

	private static IllegalArgumentException invalid(String entry) {
		return new IllegalArgumentException("KEEL_GATEWAY_TRUSTED_PROXIES (keel.gateway.trusted-proxies) lists "
				+ "IP addresses and CIDR ranges such as 10.0.0.0/8 or fc00::/7, comma-separated; '" + entry
				+ "' is neither");
	}

	@Override
	public String toString() {
		return this.text;
	}

}
