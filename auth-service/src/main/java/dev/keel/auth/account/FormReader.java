package dev.keel.auth.account;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Reads the {@code application/x-www-form-urlencoded} body a page's form posts, up to
 * {@link AccountPageSettings#maxFormSize()}: the pages' fields are short, so a large body
 * is refused rather than buffered. The pages are left out of the shared malformed-request
 * filter ({@code keel.web.own-error-format-paths}), so the body is still unread here and
 * every refusal is a page.
 */
@Component
class FormReader {

	private final int maxSize;

	private final Pages pages;

	FormReader(AccountPageSettings settings, Pages pages) {
		this.maxSize = Math.toIntExact(settings.maxFormSize().toBytes());
		this.pages = pages;
	}

	/**
	 * Answers a posted form: with the handler when the form can be read, else with a 413,
	 * 415 or 400 page.
	 * @param request the request
	 * @param handler what to answer for the form
	 * @return the response
	 * @throws IOException when the body cannot be received
	 */
	ResponseEntity<String> submit(HttpServletRequest request, Function<Form, ResponseEntity<String>> handler)
			throws IOException {
		MediaType type = contentType(request);
		if (type == null || !MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type)) {
			return this.pages.unsupportedForm();
		}
		if (request.getContentLengthLong() > this.maxSize) {
			return this.pages.formTooLarge();
		}
		byte[] body = request.getInputStream().readNBytes(this.maxSize + 1);
		if (body.length > this.maxSize) {
			return this.pages.formTooLarge();
		}
		Charset charset = (type.getCharset() != null) ? type.getCharset() : StandardCharsets.UTF_8;
		Form form;
		try {
			form = Form.parse(new String(body, charset), charset);
		}
		catch (IllegalArgumentException ex) {
			// not valid percent-encoding
			return this.pages.malformedForm();
		}
		return handler.apply(form);
	}

	private static @Nullable MediaType contentType(HttpServletRequest request) {
		String header = request.getContentType();
		if (header == null) {
			return null;
		}
		try {
			return MediaType.parseMediaType(header);
		}
		catch (InvalidMediaTypeException ex) {
			// an unparseable Content-Type, or one with a charset Java does not know
			return null;
		}
	}

	/** A posted form's fields. */
	record Form(MultiValueMap<String, String> fields) {

		static Form parse(String body, Charset charset) {
			MultiValueMap<String, String> fields = new LinkedMultiValueMap<>();
			for (String pair : body.split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				int equals = pair.indexOf('=');
				String name = (equals >= 0) ? pair.substring(0, equals) : pair;
				String value = (equals >= 0) ? pair.substring(equals + 1) : "";
				fields.add(URLDecoder.decode(name, charset), URLDecoder.decode(value, charset));
			}
			return new Form(fields);
		}

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
