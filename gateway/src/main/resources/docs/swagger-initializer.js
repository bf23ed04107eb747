// Starts Swagger UI on the /docs page. The documents to list come from the gateway's
// settings (keel.gateway.docs), served as /docs/swagger-config.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    configUrl: '/docs/swagger-config',
    dom_id: '#swagger-ui',
    deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout'
  });
});
