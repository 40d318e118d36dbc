"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SCHEMA_VERSION = void 0;
/** Bumped whenever a figure changes meaning or place: --compare refuses another version. */
exports.SCHEMA_VERSION = 2;
//# sourceMappingURL=model.js.map