package dev.keel.gateway.account;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.codec.FormHttpMessageReader;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Reads the {@code application/x-www-form-urlencoded} body a page's form posts, up to
 * {@link AccountPageSettings#maxFormSize()}: the pages' fields are short, so a large body
 * is refused rather than buffered.
 */
@Component
class FormReader {

	private static final ResolvableType FORM = ResolvableType.forClassWithGenerics(MultiValueMap.class, String.class,
			String.class);

	private final FormHttpMessageReader reader = new FormHttpMessageReader();

	private final Pages pages;

	FormReader(AccountPageSettings settings, Pages pages) {
		this.reader.setMaxInMemorySize(Math.toIntExact(settings.maxFormSize().toBytes()));
		this.pages = pages;
	}

	/**
	 * Answers a posted form: with the handler when the form can be read, else with a 413
	 * or 415 page.
	 * @param request the request
	 * @param handler what to answer for the form
	 * @return the response
	 */
	Mono<ServerResponse> submit(ServerRequest request, Function<Form, Mono<ServerResponse>> handler) {
		// The handlers turn their own failures into pages: what is resumed here can only
		// come from reading the form.
		return read(request).flatMap(handler).onErrorResume(FormReader::isUnreadable, this.pages::unreadableForm);
	}

	private Mono<Form> read(ServerRequest request) {
		MediaType type;
		try {
			type = request.headers().contentType().orElse(null);
		}
		catch (InvalidMediaTypeException ex) {
			// an unparseable Content-Type, or one with a charset Java does not know
			return Mono.error(new UnsupportedMediaTypeStatusException(ex.getMessage()));
		}
		if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return Mono
				.error(new UnsupportedMediaTypeStatusException(type, List.of(MediaType.APPLICATION_FORM_URLENCODED)));
		}
		return this.reader.readMono(FORM, request.exchange().getRequest(), Map.of())
			.defaultIfEmpty(new LinkedMultiValueMap<>())
			.map(Form::new);
	}

	private static boolean isUnreadable(Throwable ex) {
		return ex instanceof DataBufferLimitException || ex instanceof UnsupportedMediaTypeStatusException;
	}

	/** A posted form's fields. */
	record Form(MultiValueMap<String, String> fields) {

		/**
		 * A field's first value.
		 * @param name the field name
		 * @return the value, or an empty string when the field is missing
		 */
		String get(String name) {
			String value = this.fields.getFirst(name);
			return (value != null) ? value : "";
		}

	}

}
