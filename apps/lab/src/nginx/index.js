"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NginxProcess = exports.testConfig = exports.fetchGeneration = exports.upstreamsScript = exports.templatesDir = exports.nginxAssetsDir = exports.runUpstreamsScript = exports.UndefinedTemplateVariableError = exports.envsubst = exports.runPaths = exports.parseAccessLog = exports.readAccessLog = exports.generationTag = exports.formatListen = exports.renderNginx = exports.supportsNativeSticky = exports.nginxVersion = exports.nginxBinary = void 0;
// The nginx side of the lab: render a strategy from nginx/templates (with the
// same upstream script the Docker image runs) and run the machine's nginx.
var version_1 = require("./version");
Object.defineProperty(exports, "nginxBinary", { enumerable: true, get: function () { return version_1.nginxBinary; } });
Object.defineProperty(exports, "nginxVersion", { enumerable: true, get: function () { return version_1.nginxVersion; } });
Object.defineProperty(exports, "supportsNativeSticky", { enumerable: true, get: function () { return version_1.supportsNativeSticky; } });
var render_1 = require("./render");
Object.defineProperty(exports, "renderNginx", { enumerable: true, get: function () { return render_1.renderNginx; } });
Object.defineProperty(exports, "formatListen", { enumerable: true, get: function () { return render_1.formatListen; } });
Object.defineProperty(exports, "generationTag", { enumerable: true, get: function () { return render_1.generationTag; } });
var access_log_1 = require("./access-log");
Object.defineProperty(exports, "readAccessLog", { enumerable: true, get: function () { return access_log_1.readAccessLog; } });
Object.defineProperty(exports, "parseAccessLog", { enumerable: true, get: function () { return access_log_1.parseAccessLog; } });
var main_conf_1 = require("./main-conf");
Object.defineProperty(exports, "runPaths", { enumerable: true, get: function () { return main_conf_1.runPaths; } });
var envsubst_1 = require("./envsubst");
Object.defineProperty(exports, "envsubst", { enumerable: true, get: function () { return envsubst_1.envsubst; } });
Object.defineProperty(exports, "UndefinedTemplateVariableError", { enumerable: true, get: function () { return envsubst_1.UndefinedTemplateVariableError; } });
var upstreams_1 = require("./upstreams");
Object.defineProperty(exports, "runUpstreamsScript", { enumerable: true, get: function () { return upstreams_1.runUpstreamsScript; } });
var paths_1 = require("./paths");
Object.defineProperty(exports, "nginxAssetsDir", { enumerable: true, get: function () { return paths_1.nginxAssetsDir; } });
Object.defineProperty(exports, "templatesDir", { enumerable: true, get: function () { return paths_1.templatesDir; } });
Object.defineProperty(exports, "upstreamsScript", { enumerable: true, get: function () { return paths_1.upstreamsScript; } });
var control_1 = require("./control");
Object.defineProperty(exports, "fetchGeneration", { enumerable: true, get: function () { return control_1.fetchGeneration; } });
Object.defineProperty(exports, "testConfig", { enumerable: true, get: function () { return control_1.testConfig; } });
var process_1 = require("./process");
Object.defineProperty(exports, "NginxProcess", { enumerable: true, get: function () { return process_1.NginxProcess; } });
//# sourceMappingURL=index.js.map