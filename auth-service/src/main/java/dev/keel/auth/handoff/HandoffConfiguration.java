package dev.keel.auth.handoff;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operator's allow-list, parsed once: a broken entry stops the service at start. */
@Configuration(proxyBeanMethods = false)
class HandoffConfiguration {

	@Bean
	RedirectAllowList redirectAllowList(HandoffProperties properties) {
		return RedirectAllowList.parse(properties.redirectAllowList());
	}

}
