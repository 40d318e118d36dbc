"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_JSON_DEPTH = void 0;
exports.verifyJsonDepth = verifyJsonDepth;
exports.rejectPrototypeKeys = rejectPrototypeKeys;
exports.jsonBodyParser = jsonBodyParser;
const express_1 = __importDefault(require("express"));
/**
 * Deepest nesting a JSON body may have. A cart body is one level deep; the
 * bound only has to stop class-transformer/class-validator from recursing
 * thousands of levels (a RangeError and a stack trace per request).
 */
exports.MAX_JSON_DEPTH = 8;
/** An http-errors style error: body-parser forwards it and HttpErrorFilter answers it. */
function badRequest(message) {
    return Object.assign(new Error(message), { status: 400, statusCode: 400, expose: true });
}
/**
 * body-parser `verify` hook: one pass over the raw bytes before JSON.parse,
 * counting open brackets outside strings. Runs only for requests that carry a
 * JSON body; a bodiless GET never reaches it.
 */
function verifyJsonDepth(_req, _res, buf) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        if (inString) {
            if (c === 0x5c)
                i++; // backslash: skip the escaped byte
            else if (c === 0x22)
                inString = false;
        }
        else if (c === 0x22)
            inString = true;
        else if (c === 0x5b || c === 0x7b) {
            if (++depth > exports.MAX_JSON_DEPTH)
                throw badRequest(`JSON body nested deeper than ${exports.MAX_JSON_DEPTH} levels`);
        }
        else if (c === 0x5d || c === 0x7d)
            depth--;
    }
}
/** Keys JSON.parse keeps as own properties that the validator's whitelist does not see. */
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
/**
 * Refuses prototype-related keys at the top of a JSON body with the same
 * message the ValidationPipe gives any other unknown key.
 */
function rejectPrototypeKeys(req, _res, next) {
    const body = req.body;
    if (body !== null && typeof body === 'object') {
        const bad = PROTOTYPE_KEYS.find((k) => Object.prototype.hasOwnProperty.call(body, k));
        if (bad)
            return next(badRequest(`property ${bad} should not exist`));
    }
    next();
}
/**
 * express.json with the depth bound before JSON.parse and the prototype-key
 * check after it, as one middleware: a bodiless request pays only the
 * parser's own content-type check, no extra hop.
 */
function jsonBodyParser(limit) {
    const parse = express_1.default.json({ limit, verify: verifyJsonDepth });
    return (req, res, next) => parse(req, res, (err) => (err ? next(err) : rejectPrototypeKeys(req, res, next)));
}
//# sourceMappingURL=json-guard.js.map