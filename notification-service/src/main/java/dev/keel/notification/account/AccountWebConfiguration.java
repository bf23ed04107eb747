package dev.keel.notification.account;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Looks at the caller's token on every API call, for {@link AccountReenabling}. */
@Configuration(proxyBeanMethods = false)
class AccountWebConfiguration implements WebMvcConfigurer {

	private final AccountReenabling reenabling;

	AccountWebConfiguration(AccountReenabling reenabling) {
		this.reenabling = reenabling;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this.reenabling).addPathPatterns("/api/notifications/**");
	}

}
