package dev.keel.auth.token;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * The user agent and client IP of a request that starts a session.
 * <p>
 * The client IP is the one the gateway resolved ({@code X-Keel-Client-Ip}: the
 * connection's address, or behind the gateway's trusted proxies the client they forward
 * for). The gateway removes every {@code X-Keel-} header a client sends, so the header is
 * believed only on a connection from a loopback or private address, where the gateway
 * runs; a connection from anywhere else did not come through the gateway, and its own
 * address is taken. {@code X-Forwarded-For} is never read here: its left-hand entries are
 * whatever the client wrote.
 *
 * @param userAgent the {@code User-Agent} header, or {@code null}
 * @param ip the client IP address, or {@code null}
 */
record ClientDevice(String userAgent, String ip) {

	static final String CLIENT_IP_HEADER = "X-Keel-Client-Ip";

	private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

	static ClientDevice of(HttpServletRequest request) {
		return new ClientDevice(request.getHeader(HttpHeaders.USER_AGENT), clientIp(request));
	}

	private static String clientIp(HttpServletRequest request) {
		String connection = request.getRemoteAddr();
		String forwarded = request.getHeader(CLIENT_IP_HEADER);
		if (forwarded != null && IP_LITERAL.matcher(forwarded).matches() && fromPlatform(connection)) {
			return forwarded;
		}
		return connection;
	}

	private static boolean fromPlatform(String connection) {
		if (connection == null || !IP_LITERAL.matcher(connection).matches()) {
			return false;
		}
		try {
			// An IP literal: resolves without any lookup.
			InetAddress address = InetAddress.getByName(connection);
			return address.isLoopbackAddress() || address.isSiteLocalAddress()
					|| (address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc);
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
