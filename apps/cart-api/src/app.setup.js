"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JSON_BODY_LIMIT = void 0;
exports.configureApp = configureApp;
const client_error_1 = require("./common/client-error");
const expect_continue_1 = require("./common/expect-continue");
const http_error_filter_1 = require("./common/http-error.filter");
const json_guard_1 = require("./common/json-guard");
const method_not_allowed_1 = require("./common/method-not-allowed");
const request_middleware_1 = require("./common/request.middleware");
const request_stats_1 = require("./common/request-stats");
const config_1 = require("./config/config");
const session_module_1 = require("./session/session.module");
/** Body limit: a cart request is tiny; anything bigger is refused with 413. */
exports.JSON_BODY_LIMIT = '16kb';
const JSON_BODY_LIMIT_BYTES = 16 * 1024;
/**
 * Everything the app needs around Nest's router, shared by main.ts and the
 * tests. The app must have been created with `bodyParser: false`.
 */
function configureApp(app) {
    const config = app.get(config_1.APP_CONFIG);
    app.set('trust proxy', config.trustProxy);
    app.disable('x-powered-by');
    // Express hashes every response body for an ETag; only the static UI assets use one (their own).
    app.set('etag', false);
    app.use((0, request_middleware_1.requestMiddleware)(config, app.get(request_stats_1.RequestStats)));
    // Not Nest's useBodyParser(): it takes no `verify`, where the depth bound runs before JSON.parse.
    app.use((0, json_guard_1.jsonBodyParser)(exports.JSON_BODY_LIMIT));
    // Only the cart needs a session: /, /products, /health, /stats and /ui never touch the store.
    app.use('/cart', app.get(session_module_1.SESSION_MIDDLEWARE));
    const instance = app.getHttpAdapter().getInstance();
    app.useGlobalFilters(new http_error_filter_1.HttpErrorFilter({
        replica: config.appName,
        logErrors: config.logLevel !== 'silent',
        allowedMethods: (path) => (0, method_not_allowed_1.allowedMethods)(instance, path),
    }));
    // Body validation is the cart controller's (BODY_PIPE): no global pipe runs on bodiless routes.
    const server = app.getHttpServer();
    // Above nginx's upstream keepalive_timeout, so nginx never reuses a socket Node just closed.
    server.keepAliveTimeout = 10_000;
    server.headersTimeout = 11_000;
    (0, client_error_1.answerClientErrors)(server, config.appName);
    (0, expect_continue_1.refuseOversizedContinue)(server, JSON_BODY_LIMIT_BYTES, config.appName);
    return app;
}
//# sourceMappingURL=app.setup.js.map