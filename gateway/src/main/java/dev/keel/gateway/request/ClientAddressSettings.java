package dev.keel.gateway.request;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the client's address comes from, under {@code keel.gateway}.
 *
 * @param trustedProxies the proxies in front of the gateway, whose
 * {@code X-Forwarded-For} is believed ({@link ClientAddress}); empty: none, and the
 * client's address is always the connection's
 */
@ConfigurationProperties("keel.gateway")
record ClientAddressSettings(@DefaultValue List<AddressRange> trustedProxies) {

}
