"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const common_1 = require("@nestjs/common");
const http_error_filter_1 = require("./http-error.filter");
describe('toErrorBody', () => {
    it('joins validation messages into one string', () => {
        expect((0, http_error_filter_1.toErrorBody)(new common_1.BadRequestException(['qty must be an integer number', 'sku must be a string']))).toEqual({
            statusCode: 400,
            error: 'Bad Request',
            message: 'qty must be an integer number; sku must be a string',
        });
    });
    it('keeps the message of a Nest exception', () => {
        expect((0, http_error_filter_1.toErrorBody)(new common_1.NotFoundException('unknown sku: x'))).toEqual({
            statusCode: 404,
            error: 'Not Found',
            message: 'unknown sku: x',
        });
    });
    it('maps http-errors style errors (body-parser) by status', () => {
        const err = Object.assign(new Error('request entity too large'), { status: 413, expose: true });
        expect((0, http_error_filter_1.toErrorBody)(err)).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'request entity too large' });
    });
    it('hides anything else behind a generic 500', () => {
        const body = (0, http_error_filter_1.toErrorBody)(new Error('secret internals at /app/x.js:1'));
        expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'internal server error' });
    });
});
//# sourceMappingURL=http-error.filter.spec.js.map