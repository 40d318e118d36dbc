"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.guardLogStreams = guardLogStreams;
exports.writeLog = writeLog;
exports.logInfo = logInfo;
exports.logError = logError;
/**
 * The replica's log: one JSON object per line, each with an ISO timestamp so
 * lines of several replicas and nginx can be merged by time.
 *
 * A log reader that goes away (a closed pipe: EPIPE) must not take the
 * service down with it: `guardLogStreams` keeps the stream errors from
 * becoming uncaught exceptions and stops writing to a stream that failed.
 */
const failed = new WeakSet();
let guarded = false;
function guardLogStreams() {
    if (guarded)
        return;
    guarded = true;
    for (const stream of [process.stdout, process.stderr])
        stream.on('error', () => failed.add(stream));
}
function writeLog(stream, fields) {
    if (failed.has(stream) || stream.destroyed)
        return;
    stream.write(JSON.stringify({ time: new Date().toISOString(), ...fields }) + '\n');
}
function logInfo(fields) {
    writeLog(process.stdout, fields);
}
function logError(fields) {
    writeLog(process.stderr, fields);
}
//# sourceMappingURL=log.js.map