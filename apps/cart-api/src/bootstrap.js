"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.bootstrap = bootstrap;
require("reflect-metadata");
const core_1 = require("@nestjs/core");
const app_module_1 = require("./app.module");
const app_setup_1 = require("./app.setup");
const log_1 = require("./common/log");
const announce_1 = require("./health/announce");
const shutdown_1 = require("./shutdown");
/** Creates, configures and starts the app for an already validated config. */
async function bootstrap(config) {
    (0, log_1.guardLogStreams)();
    const quiet = config.logLevel === 'silent';
    const log = (msg) => {
        if (!quiet)
            (0, log_1.logInfo)({ replica: config.appName, msg });
    };
    if (config.secretGenerated) {
        (0, log_1.logError)({
            replica: config.appName,
            msg: 'warning: SESSION_SECRET is not set; using a random secret, so cookies from other replicas or restarts are rejected',
        });
    }
    const logger = quiet ? false : ['error', 'warn'];
    const app = await core_1.NestFactory.create(app_module_1.AppModule.forRoot(config), { bodyParser: false, logger });
    (0, app_setup_1.configureApp)(app);
    // Exit 0 after the hooks (see GracefulShutdown); without useProcessExit Nest
    // re-raises the signal and the process ends with a signal status instead.
    app.enableShutdownHooks(shutdown_1.SHUTDOWN_SIGNALS, { useProcessExit: true });
    await app.listen(config.port, config.host);
    // PORT=0 lets the kernel pick: the supervisor learns the port from this line.
    const address = app.getHttpServer().address();
    process.stdout.write((0, announce_1.listeningLine)(address, config));
    const port = typeof address === 'object' && address ? address.port : config.port;
    log(`listening on ${config.host}:${port} with the ${config.sessionStore} store`);
}
//# sourceMappingURL=bootstrap.js.map