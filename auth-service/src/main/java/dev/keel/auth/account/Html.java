package dev.keel.auth.account;

import java.util.Arrays;

import org.springframework.web.util.HtmlUtils;

/**
 * The account pages' one way of writing HTML: constant templates whose every interpolated
 * value is escaped. A {@link Fragment} can only come from here, so a value from a
 * request, a link or an API answer cannot reach a page unescaped.
 */
final class Html {

	// Shared by every page: readable on a phone, no external resources, no script.
	private static final String LAYOUT = """
			<!DOCTYPE html>
			<html lang="en">
			<head>
			<meta charset="utf-8">
			<meta name="viewport" content="width=device-width, initial-scale=1">
			<meta name="referrer" content="no-referrer">
			<meta name="robots" content="noindex">
			<title>%s · Keel</title>
			<style>
			body { font-family: system-ui, sans-serif; background: #f4f5f7; color: #1d2430; margin: 0; }
			main { max-width: 26rem; margin: 3rem auto; padding: 2rem; background: #fff; border-radius: 8px;
			  box-shadow: 0 1px 3px rgba(0, 0, 0, .12); }
			h1 { font-size: 1.4rem; margin-top: 0; }
			label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
			input[type=email], input[type=password] { box-sizing: border-box; width: 100%%; padding: .6rem;
			  font-size: 1rem; border: 1px solid #b8bfca; border-radius: 4px; }
			button { margin-top: 1.2rem; padding: .7rem 1.2rem; font-size: 1rem; border: 0; border-radius: 4px;
			  background: #2457c5; color: #fff; cursor: pointer; }
			.error { color: #b3261e; font-weight: 600; }
			.error:empty { display: none; }
			</style>
			</head>
			<body>
			<main>
			<h1>%s</h1>
			%s
			</main>
			</body>
			</html>
			""";

	private Html() {
	}

	/**
	 * A piece of a page: the template with each value escaped and put in place of its
	 * {@code %s}.
	 * @param template constant HTML with one {@code %s} per value
	 * @param values the values, any text at all
	 * @return the fragment
	 */
	static Fragment fill(String template, String... values) {
		Object[] escaped = Arrays.stream(values).map(Html::escape).toArray();
		return new Fragment(template.formatted(escaped));
	}

	/**
	 * A whole page.
	 * @param title the page's title and heading
	 * @param content what the page says
	 * @return the HTML document
	 */
	static String page(String title, Fragment content) {
		return LAYOUT.formatted(escape(title), escape(title), content.html());
	}

	static String escape(String value) {
		return HtmlUtils.htmlEscape((value != null) ? value : "");
	}

	/** HTML that is safe to send: built by {@link Html#fill}. */
	static final class Fragment {

		private final String html;

		private Fragment(String html) {
			this.html = html;
		}

		String html() {
			return this.html;
		}

	}

}
