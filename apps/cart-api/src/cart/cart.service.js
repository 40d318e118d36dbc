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
exports.CartService = void 0;
const common_1 = require("@nestjs/common");
const catalog_1 = require("../catalog/catalog");
const config_1 = require("../config/config");
const lost_session_1 = require("../session/lost-session");
const cart_repository_1 = require("./cart.repository");
function notInCart(sku) {
    return new common_1.NotFoundException(new cart_repository_1.LineNotFoundError(sku).message);
}
let CartService = class CartService {
    repo;
    config;
    constructor(repo, config) {
        this.repo = repo;
        this.config = config;
    }
    /** Reads never create a session: no stored session is an empty cart. */
    async view(session) {
        const { id } = session;
        if (id === null)
            return this.body(session, []);
        const lines = await this.inSession(session, () => this.repo.get(id), () => []);
        return this.body(session, lines);
    }
    async add(session, sku, qty) {
        this.product(sku);
        const sid = await session.create();
        const lines = await this.inSession(session, () => this.repo.add(sid, sku, qty), 
        // The claimed session was gone: the write goes to a new one, as it would have without a cookie.
        async () => {
            const renewed = await session.renew();
            return this.call(() => this.repo.add(renewed, sku, qty));
        });
        return this.body(session, lines);
    }
    async set(session, sku, qty) {
        this.product(sku);
        const { id } = session;
        if (id === null)
            throw notInCart(sku);
        const lines = await this.inSession(session, () => this.repo.set(id, sku, qty), () => {
            throw notInCart(sku);
        });
        return this.body(session, lines);
    }
    async remove(session, sku) {
        this.product(sku);
        const { id } = session;
        if (id === null)
            throw notInCart(sku);
        const lines = await this.inSession(session, () => this.repo.remove(id, sku), () => {
            throw notInCart(sku);
        });
        return this.body(session, lines);
    }
    async clear(session) {
        const { id } = session;
        if (id !== null)
            await this.inSession(session, () => this.repo.clear(id), () => undefined);
        return this.body(session, []);
    }
    /**
     * Runs a repository operation on the session's cart; when the repository
     * found no stored session (SessionGoneError: the redis store checks it in
     * the cart script itself) the session is reported lost and `gone` answers.
     */
    async inSession(session, op, gone) {
        try {
            return await op();
        }
        catch (err) {
            if (!(err instanceof cart_repository_1.SessionGoneError))
                throw this.httpError(err);
            session.markLost();
            return gone();
        }
    }
    product(sku) {
        const product = (0, catalog_1.findProduct)(sku);
        if (!product)
            throw new common_1.NotFoundException(`unknown sku: ${sku}`);
        return product;
    }
    async call(op) {
        try {
            return await op();
        }
        catch (err) {
            throw this.httpError(err);
        }
    }
    httpError(err) {
        if (err instanceof cart_repository_1.CartLimitError)
            return new common_1.UnprocessableEntityException(err.message);
        if (err instanceof cart_repository_1.LineNotFoundError)
            return new common_1.NotFoundException(err.message);
        return new common_1.ServiceUnavailableException(`session store unavailable: ${err.message}`);
    }
    body(session, lines) {
        let itemCount = 0;
        let total = 0;
        const items = [];
        for (const { sku, qty } of lines) {
            const p = (0, catalog_1.findProduct)(sku);
            if (!p)
                continue; // a sku dropped from the catalog since it was added
            const lineTotal = p.unit_price_cents * qty;
            items.push({ sku, name: p.name, qty, unit_price_cents: p.unit_price_cents, line_total_cents: lineTotal });
            itemCount += qty;
            total += lineTotal;
        }
        const body = { served_by: this.config.appName, items, item_count: itemCount, total_cents: total };
        if (session.lost)
            body.session = lost_session_1.SESSION_LOST;
        return body;
    }
};
exports.CartService = CartService;
exports.CartService = CartService = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(cart_repository_1.CART_REPOSITORY)),
    __param(1, (0, common_1.Inject)(config_1.APP_CONFIG)),
    __metadata("design:paramtypes", [Object, Object])
], CartService);
//# sourceMappingURL=cart.service.js.map