package dev.keel.gateway.ratelimit;

import io.netty.util.NetUtil;

/**
 * The rate-limit key of a client address: an IPv4 address as it is, an IPv6 address by
 * its /64 prefix ({@code 2001:db8:1:2::/64}), because one subscriber usually gets a whole
 * /64 and could otherwise take a fresh address, and a fresh bucket, for every request. An
 * IPv4-mapped IPv6 address ({@code ::ffff:203.0.113.7}) counts as its IPv4 address.
 */
final class AddressKey {

	private static final int PREFIX_BYTES = 8;

	private AddressKey() {
	}

	/**
	 * The key for an address.
	 * @param address an IP literal, possibly with an IPv6 zone ({@code fe80::1%eth0})
	 * @return the key; anything that is not an IP literal, as it is
	 */
	static String of(String address) {
		int zone = address.indexOf('%');
		byte[] bytes = NetUtil.createByteArrayFromIpAddressString((zone < 0) ? address : address.substring(0, zone));
		if (bytes == null) {
			return address;
		}
		if (bytes.length == 16 && isIpv4Mapped(bytes)) {
			return (bytes[12] & 0xff) + "." + (bytes[13] & 0xff) + "." + (bytes[14] & 0xff) + "." + (bytes[15] & 0xff);
		}
		if (bytes.length == 4) {
			return NetUtil.bytesToIpAddress(bytes);
		}
		byte[] prefix = new byte[16];
		System.arraycopy(bytes, 0, prefix, 0, PREFIX_BYTES);
		return NetUtil.bytesToIpAddress(prefix) + "/64";
	}

	private static boolean isIpv4Mapped(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
	}

}
