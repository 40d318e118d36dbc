"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.UiController = void 0;
const node_crypto_1 = require("node:crypto");
const common_1 = require("@nestjs/common");
const page_1 = require("../../../../libs/page");
const page_2 = require("./assets/page");
const shop_script_1 = require("./assets/shop-script");
const style_1 = require("./assets/style");
// Same-origin only: the page talks to this API and loads nothing else.
const CSP = (0, page_1.pageCsp)({ script: "'self'", style: "'self'" });
/**
 * The shop page, embedded as string constants: tsc copies no asset files into
 * dist/, and the Docker image ships dist/ only. `no-cache` plus an ETag means
 * a revalidation (304) per load, so a rebuilt replica never serves a stale
 * script. The ETag is the asset's own, computed once: the app turns Express'
 * per-response ETag off (it hashed every JSON body).
 */
let UiController = class UiController {
    // Express matches /ui and /ui/ alike; the relative asset URLs need the slash.
    page(req, res) {
        const [path, query] = splitUrl(req.originalUrl);
        if (!path.endsWith('/')) {
            // Relative, so it also holds behind a proxy that adds a path prefix.
            res.redirect(301, `ui/${query}`);
            return;
        }
        send(res, 'text/html; charset=utf-8', page_2.SHOP_HTML);
    }
    script(res) {
        send(res, 'text/javascript; charset=utf-8', shop_script_1.SHOP_JS);
    }
    style(res) {
        send(res, 'text/css; charset=utf-8', style_1.SHOP_CSS);
    }
};
exports.UiController = UiController;
__decorate([
    (0, common_1.Get)(),
    __param(0, (0, common_1.Req)()),
    __param(1, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object, Object]),
    __metadata("design:returntype", void 0)
], UiController.prototype, "page", null);
__decorate([
    (0, common_1.Get)('shop.js'),
    __param(0, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], UiController.prototype, "script", null);
__decorate([
    (0, common_1.Get)('shop.css'),
    __param(0, (0, common_1.Res)()),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", void 0)
], UiController.prototype, "style", null);
exports.UiController = UiController = __decorate([
    (0, common_1.Controller)('ui')
], UiController);
function splitUrl(url) {
    const at = url.indexOf('?');
    return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}
const etags = new Map();
function etagOf(body) {
    let tag = etags.get(body);
    if (tag === undefined)
        etags.set(body, (tag = `"${(0, node_crypto_1.createHash)('sha1').update(body).digest('base64url')}"`));
    return tag;
}
function send(res, type, body) {
    res.set({
        ETag: etagOf(body),
        'Content-Type': type,
        'Cache-Control': 'no-cache',
        'Content-Security-Policy': CSP,
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
    });
    res.send(body);
}
//# sourceMappingURL=ui.controller.js.map