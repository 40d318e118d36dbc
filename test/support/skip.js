"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noteSkip = noteSkip;
/**
 * Says why a test or suite is skipped. Straight to stderr: Jest drops what a
 * fully skipped file wrote through `console`, and a skip must never be silent.
 */
function noteSkip(message) {
    process.stderr.write(`SKIPPED ${message}\n`);
}
//# sourceMappingURL=skip.js.map