"use strict";
// What the bench process and a generator process say to each other over IPC.
Object.defineProperty(exports, "__esModule", { value: true });
//# sourceMappingURL=protocol.js.map