package dev.keel.auth.key;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.keel.auth.config.TokenProperties;

/**
 * The public documents that let anyone validate Keel's tokens with a standard JOSE
 * library: the JWKS (RFC 7517) and an OpenID-style discovery document.
 */
@RestController
@RequestMapping("/api/auth/.well-known")
class WellKnownController {

	private static final String FIVE_MINUTES = "public, max-age=300";

	private final PublishedKeys keys;

	private final DiscoveryDocument discovery;

	WellKnownController(PublishedKeys keys, TokenProperties tokens) {
		this.keys = keys;
		this.discovery = DiscoveryDocument.forIssuer(tokens.issuer());
	}

	@GetMapping("/jwks.json")
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, FIVE_MINUTES)
			.contentType(MediaType.APPLICATION_JSON)
			.body(this.keys.jwkSet().toJSONObject(true));
	}

	@GetMapping("/openid-configuration")
	ResponseEntity<DiscoveryDocument> openidConfiguration() {
		return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, FIVE_MINUTES).body(this.discovery);
	}

}
