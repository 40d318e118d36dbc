"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.listeningLine = listeningLine;
/**
 * The handshake line for the bound address, one JSON line; '' when logging is
 * silent and no supervisor (INSTANCE_ID) is waiting for it, so silent means silent.
 */
function listeningLine(address, config) {
    if (config.logLevel === 'silent' && !config.instanceId)
        return '';
    const port = typeof address === 'object' && address ? address.port : config.port;
    const line = { listening: { host: config.host, port }, time: new Date().toISOString() };
    if (config.instanceId)
        line.listening.instance = config.instanceId;
    return `${JSON.stringify(line)}\n`;
}
//# sourceMappingURL=announce.js.map