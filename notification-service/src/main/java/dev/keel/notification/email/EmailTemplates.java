package dev.keel.notification.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The text and HTML bodies of each email, Mustache templates under
 * {@code templates/email/}. Every value someone else chose is put on one line and cut to
 * a length ({@link EmailText}), and HTML-escaped in the HTML part; the subject is the
 * kind's constant.
 */
@Component
class EmailTemplates {

	/** HTML's five special characters; links keep their {@code =} readable. */
	private static final Mustache.Escaper HTML = Escapers.simple(new String[][] { { "&", "&amp;" }, { "'", "&#39;" },
			{ "\"", "&quot;" }, { "<", "&lt;" }, { ">", "&gt;" } });

	private static final int MAX_NAME = 64;

	private static final int MAX_CODE = 16;

	private static final int MAX_TITLE = 200;

	private static final int MAX_BODY = 1000;

	private final Map<EmailKind, Template> texts = new EnumMap<>(EmailKind.class);

	private final Map<EmailKind, Template> htmls = new EnumMap<>(EmailKind.class);

	EmailTemplates() {
		for (EmailKind kind : EmailKind.values()) {
			this.texts.put(kind, Mustache.compiler().escapeHTML(false).compile(read(kind, "txt")));
			this.htmls.put(kind, Mustache.compiler().withEscaper(HTML).compile(read(kind, "html")));
		}
	}

	Rendered render(QueuedEmail email, EmailProperties properties) {
		Map<String, Object> values = new HashMap<>();
		String name = EmailText.oneLine(email.name(), MAX_NAME);
		values.put("name", name.isEmpty() ? EmailText.oneLine(email.to(), MAX_NAME) : name);
		values.put("link", properties.link(email.kind().page(), email.token()));
		// whether the email carries a one-time link token (a sign-in code email only
		// when the app asked for a link)
		values.put("hasToken", email.token() != null);
		values.put("code", (email.code() != null) ? EmailText.oneLine(email.code(), MAX_CODE) : "");
		values.put("expiresAt", (email.expiresAt() != null) ? email.expiresAt().toString() : "");
		values.put("title", EmailText.oneLine(email.title(), MAX_TITLE));
		values.put("body", EmailText.oneLine(email.body(), MAX_BODY));
		return new Rendered(email.kind().subject(), this.texts.get(email.kind()).execute(values),
				this.htmls.get(email.kind()).execute(values));
	}

	private static String read(EmailKind kind, String extension) {
		ClassPathResource resource = new ClassPathResource("templates/email/" + kind.template() + "." + extension);
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing email template " + resource.getPath(), ex);
		}
	}

	/**
	 * An email ready to send.
	 *
	 * @param subject the subject
	 * @param text the plain-text part
	 * @param html the HTML part
	 */
	record Rendered(String subject, String text, String html) {
	}

}
