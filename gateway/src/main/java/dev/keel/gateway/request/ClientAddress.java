package dev.keel.gateway.request;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * The client's IP address, for rate limits and the access log. It is the connection's,
 * unless the connection comes from a trusted proxy: then {@code X-Forwarded-For} is read
 * from right to left, each proxy having appended the address it saw, and the first entry
 * that is not itself a trusted proxy is the client (everything to its left is the
 * client's to write). When every entry is trusted, the leftmost is the client. A missing
 * header, or an entry read that is not an IP literal, leaves the connection's address.
 */
public final class ClientAddress {

	static final String ATTRIBUTE = ClientAddress.class.getName() + ".ip";

	private static final String FORWARDED_FOR = "X-Forwarded-For";

	private final List<AddressRange> trustedProxies;

	ClientAddress(List<AddressRange> trustedProxies) {
		this.trustedProxies = List.copyOf(trustedProxies);
	}

	/**
	 * The client address of the request being handled in the given exchange.
	 * @param exchange the exchange
	 * @return the address, such as {@code 203.0.113.7} or {@code 2001:db8:0:0:0:0:0:1};
	 * {@code null} when the connection's address is not known
	 */
	public static @Nullable String of(ServerWebExchange exchange) {
		String resolved = exchange.getAttribute(ATTRIBUTE);
		return (resolved != null) ? resolved : connection(exchange.getRequest().getRemoteAddress());
	}

	@Nullable String resolve(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (this.trustedProxies.isEmpty() || remote == null || remote.getAddress() == null || !trusted(remote)) {
			return connection(remote);
		}
		List<String> lines = request.getHeaders().get(FORWARDED_FOR);
		InetAddress client = (lines != null) ? forwardedClient(lines) : null;
		return (client != null) ? client.getHostAddress() : connection(remote);
	}

	private @Nullable InetAddress forwardedClient(List<String> lines) {
		InetAddress leftmost = null;
		for (int line = lines.size() - 1; line >= 0; line--) {
			String[] entries = lines.get(line).split(",", -1);
			for (int entry = entries.length - 1; entry >= 0; entry--) {
				InetAddress address = AddressRange.literal(entries[entry].strip());
				if (address == null) {
					return null;
				}
				if (!trusted(new InetSocketAddress(address, 0))) {
					return address;
				}
				leftmost = address;
			}
		}
		return leftmost;
	}

	private boolean trusted(InetSocketAddress address) {
		for (AddressRange range : this.trustedProxies) {
			if (range.contains(address)) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable String connection(@Nullable InetSocketAddress remote) {
		if (remote == null) {
			return null;
		}
		return (remote.getAddress() != null) ? remote.getAddress().getHostAddress() : remote.getHostString();
	}

}
