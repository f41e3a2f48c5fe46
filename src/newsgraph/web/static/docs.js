// Starts Swagger UI on /api/docs. A file of its own rather than an inline script, so the page passes
// the same Content-Security-Policy as the rest of the site (script-src 'self').
"use strict";
window.addEventListener("DOMContentLoaded", function () {
  window.ui = window.SwaggerUIBundle({
    url: "/api/openapi.json",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null, // never ask an online validator: the page must work offline
  });
});
