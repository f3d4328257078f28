// Starts Swagger UI on a docs page (served as /_mock/web/assets/swagger-init.js), authorized with the workbench token.

export const SWAGGER_INIT_SCRIPT = `(() => {
  'use strict';
  const root = document.getElementById('swagger-ui');
  const scheme = root.dataset.bearer;
  const ui = window.SwaggerUIBundle({
    url: root.dataset.specUrl,
    dom_id: '#swagger-ui',
    deepLinking: true,
    // Offline: never call the public validator service.
    validatorUrl: null,
    onComplete: () => {
      const token = window.localStorage.getItem('provtjanst-mock.token');
      if (scheme && token) {
        ui.preauthorizeApiKey(scheme, token);
        document.getElementById('token-hint').hidden = false;
      }
      document.body.dataset.swagger = 'ready';
    },
  });
  window.ui = ui;
})();
`;
