package dev.keel.gateway.docs;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The {@code /docs} page: Swagger UI's stylesheet and scripts, and the small script that
 * starts it. Asset paths carry Swagger UI's version, so browsers may keep them for good
 * and an upgrade never mixes the files of two versions.
 */
final class DocsPage {

	/**
	 * Only this origin's scripts (no inline script), styles (Swagger UI sets inline
	 * styles) and images (its icons are data: URIs); requests only to this origin, which
	 * is where the documents and "Try it out" calls go; no framing.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
			+ "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

	private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

	private final String html;

	DocsPage(String assets) {
		this.html = """
				<!DOCTYPE html>
				<html lang="en">
				<head>
				<meta charset="UTF-8">
				<title>Keel API documentation</title>
				<link rel="stylesheet" href="%1$s/swagger-ui.css">
				<link rel="stylesheet" href="%1$s/index.css">
				<link rel="icon" type="image/png" href="%1$s/favicon-32x32.png" sizes="32x32">
				</head>
				<body>
				<div id="swagger-ui"></div>
				<script src="%1$s/swagger-ui-bundle.js"></script>
				<script src="%1$s/swagger-ui-standalone-preset.js"></script>
				<script src="%2$s"></script>
				</body>
				</html>
				""".formatted(assets, DocsRoutes.INITIALIZER);
	}

	Mono<ServerResponse> render() {
		return ServerResponse.ok()
			.contentType(HTML)
			.cacheControl(CacheControl.noCache())
			.header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
			.bodyValue(this.html);
	}

}
