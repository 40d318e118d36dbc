"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
const testing_1 = require("@nestjs/testing");
const supertest_1 = __importDefault(require("supertest"));
const ui_module_1 = require("./ui.module");
describe('UiModule', () => {
    let app;
    beforeAll(async () => {
        const moduleRef = await testing_1.Test.createTestingModule({ imports: [ui_module_1.UiModule] }).compile();
        app = moduleRef.createNestApplication({ logger: false });
        await app.init();
    });
    afterAll(() => app.close());
    it('redirects /ui to /ui/ so relative asset URLs resolve', async () => {
        const res = await (0, supertest_1.default)(app.getHttpServer()).get('/ui?x=1').expect(301);
        expect(res.headers.location).toBe('ui/?x=1');
    });
    it('serves the page at /ui/ under a same-origin-only CSP', async () => {
        const res = await (0, supertest_1.default)(app.getHttpServer()).get('/ui/').expect(200);
        expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(res.headers['cache-control']).toBe('no-cache');
        expect(res.headers['content-security-policy']).toContain("script-src 'self'");
        expect(res.text).toContain('<script src="shop.js" defer></script>');
        expect(res.text).toContain('aria-live="polite"');
        expect(res.text).not.toMatch(/https?:\/\//); // no third-party requests
    });
    it('serves a script that parses and calls nothing outside itself', async () => {
        const res = await (0, supertest_1.default)(app.getHttpServer()).get('/ui/shop.js').expect(200);
        expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
        expect(() => new Function(res.text)).not.toThrow();
        // Function#toString keeps the body only: an import used inside would be
        // a dangling reference in the browser.
        expect(res.text).not.toMatch(/\b(require|exports|_\w+_1)\b/);
        expect(res.text).toContain("credentials: 'same-origin'");
    });
    it('serves the stylesheet and answers 304 to a revalidation', async () => {
        const first = await (0, supertest_1.default)(app.getHttpServer()).get('/ui/shop.css').expect(200);
        expect(first.headers['content-type']).toBe('text/css; charset=utf-8');
        await (0, supertest_1.default)(app.getHttpServer()).get('/ui/shop.css').set('If-None-Match', first.headers.etag).expect(304);
    });
});
//# sourceMappingURL=ui.controller.spec.js.map