"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const config_1 = require("./config/config");
function configOrExit() {
    try {
        return (0, config_1.loadConfig)(process.env);
    }
    catch (err) {
        if (!(err instanceof config_1.ConfigError))
            throw err;
        process.stderr.write(`cart-api: ${err.message}\n`);
        process.exit(1);
    }
}
// The config is checked before Nest is even loaded, so a typo fails in
// milliseconds rather than after the framework boots.
const config = configOrExit();
require('./bootstrap').bootstrap(config).catch((err) => {
    process.stderr.write(`cart-api: failed to start: ${err.message}\n`);
    process.exit(1);
});
//# sourceMappingURL=main.js.map