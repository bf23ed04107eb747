package dev.keel.support.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves controller parameters of type {@link CurrentCaller} (401 when anonymous) and
 * {@code Optional<CurrentCaller>} (empty when anonymous) from the authenticated token.
 */
class CurrentCallerArgumentResolver implements HandlerMethodArgumentResolver {

	private static final String ROLE_PREFIX = "ROLE_";

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.nestedIfOptional().getNestedParameterType() == CurrentCaller.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
			WebDataBinderFactory binders) {
		Optional<CurrentCaller> caller = from(SecurityContextHolder.getContext().getAuthentication());
		if (parameter.getParameterType() == Optional.class) {
			return caller;
		}
		return caller.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("No authenticated caller"));
	}

	static Optional<CurrentCaller> from(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()
				|| authentication instanceof AnonymousAuthenticationToken) {
			return Optional.empty();
		}
		Set<String> roles = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((authority) -> authority != null && authority.startsWith(ROLE_PREFIX))
			.map((authority) -> authority.substring(ROLE_PREFIX.length()))
			.collect(Collectors.toSet());
		String email = (authentication.getPrincipal() instanceof Jwt jwt) ? jwt.getClaimAsString("email") : null;
		return Optional.of(new CurrentCaller(authentication.getName(), roles, email));
	}

}
