"use strict";
// A tiny envsubst with the semantics of the nginx image's templating
// (`envsubst "$defined_envs"`): `$NAME` and `${NAME}` are replaced for the
// names that are defined, everything else (nginx's own `$remote_addr`, …) is
// left alone.
Object.defineProperty(exports, "__esModule", { value: true });
exports.UndefinedTemplateVariableError = void 0;
exports.envsubst = envsubst;
const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const LAB_REFERENCE = /\$\{?((?:LAB|LB)_[A-Za-z0-9_]*)/g;
class UndefinedTemplateVariableError extends Error {
    constructor(source, names) {
        super(`${source} references undefined variable(s): ${names.join(', ')}`);
    }
}
exports.UndefinedTemplateVariableError = UndefinedTemplateVariableError;
function envsubst(text, env, source = 'template') {
    const missing = new Set();
    for (const [, name] of text.matchAll(LAB_REFERENCE))
        if (env[name] === undefined)
            missing.add(name);
    // Silently leaving `${LAB_…}` in place would give nginx a config that fails
    // far from the cause; say which template and which name instead.
    if (missing.size)
        throw new UndefinedTemplateVariableError(source, [...missing]);
    return text.replace(REFERENCE, (whole, braced, bare) => env[braced ?? bare ?? ''] ?? whole);
}
//# sourceMappingURL=envsubst.js.map