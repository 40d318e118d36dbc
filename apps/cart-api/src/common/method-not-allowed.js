"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.allowedMethods = allowedMethods;
function matches(layer, path) {
    try {
        return layer.match(path);
    }
    catch {
        return false; // a broken percent-encoding in a parameter
    }
}
/**
 * The methods the app's routes answer for `path` (HEAD with GET, as Express
 * does), or none when no route has that path. Read from Express' own router,
 * so it cannot drift from the controllers. Only called on a 404, never on the
 * hot path.
 */
function allowedMethods(app, path) {
    const stack = app.router?.stack ?? [];
    const methods = new Set();
    for (const layer of stack) {
        if (!layer.route || !matches(layer, path))
            continue;
        for (const [m, on] of Object.entries(layer.route.methods))
            if (on && m !== '_all')
                methods.add(m.toUpperCase());
    }
    if (methods.has('GET'))
        methods.add('HEAD');
    return [...methods].sort();
}
//# sourceMappingURL=method-not-allowed.js.map