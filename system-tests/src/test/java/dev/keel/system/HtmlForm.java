package dev.keel.system;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.keel.system.Api.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one form of an account page, read from its HTML and submitted as a browser does: to
 * its action, form-encoded, with its hidden fields and what the user typed.
 */
record HtmlForm(String action, Map<String, String> hidden) {

	private static final Pattern FORM = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");

	private static final Pattern HIDDEN = Pattern
		.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

	/** The form of a page the gateway answered with 200. */
	static HtmlForm of(Reply page) {
		assertThat(page.status()).as(page.response().body()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		String html = page.response().body();
		Matcher form = FORM.matcher(html);
		assertThat(form.find()).as(html).isTrue();
		Map<String, String> hidden = new LinkedHashMap<>();
		Matcher field = HIDDEN.matcher(html);
		while (field.find()) {
			hidden.put(field.group(1), unescape(field.group(2)));
		}
		return new HtmlForm(unescape(form.group(1)), hidden);
	}

	/** Submits the form with the hidden fields and the given ones. */
	Reply submit(Map<String, String> typed) {
		Map<String, String> fields = new LinkedHashMap<>(this.hidden);
		fields.putAll(typed);
		return Api.form(this.action, fields);
	}

	private static String unescape(String html) {
		return html.replace("&quot;", "\"")
			.replace("&#39;", "'")
			.replace("&lt;", "<")
			.replace("&gt;", ">")
			.replace("&amp;", "&");
	}

}
