"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
// The peer baseline: what a user would write instead of cart-api, plain
// Express 5 + express-session (memory store), same cookie, same cart shape.
const express_1 = __importDefault(require("express"));
const express_session_1 = __importDefault(require("express-session"));
const name = process.env.APP_NAME ?? 'peer';
const catalog = {
    'sku-1': { name: 'one', unit_price_cents: 1000 },
    'sku-2': { name: 'two', unit_price_cents: 2500 },
    'sku-3': { name: 'three', unit_price_cents: 499 },
};
function cartBody(lines) {
    const items = lines.map((l) => {
        const p = catalog[l.sku] ?? { name: l.sku, unit_price_cents: 0 };
        return { sku: l.sku, name: p.name, qty: l.qty, unit_price_cents: p.unit_price_cents, line_total_cents: l.qty * p.unit_price_cents };
    });
    return {
        served_by: name,
        items,
        item_count: items.reduce((n, i) => n + i.qty, 0),
        total_cents: items.reduce((n, i) => n + i.line_total_cents, 0),
    };
}
const app = (0, express_1.default)();
app.disable('x-powered-by');
app.use((_req, res, next) => {
    res.setHeader('X-Served-By', name);
    next();
});
app.use(express_1.default.json({ limit: '16kb' }));
app.use((0, express_session_1.default)({
    name: 'sid',
    secret: process.env.SESSION_SECRET ?? 'peer-secret',
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax' },
}));
app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
});
app.get('/products', (_req, res) => {
    res.json(Object.entries(catalog).map(([sku, p]) => ({ sku, ...p })));
});
app.get('/cart', (req, res) => {
    res.json(cartBody(req.session.cart ?? []));
});
app.post('/cart/items', (req, res) => {
    const { sku, qty } = req.body;
    const cart = req.session.cart ?? [];
    const line = cart.find((l) => l.sku === sku);
    if (line)
        line.qty += qty;
    else
        cart.push({ sku, qty });
    req.session.cart = cart;
    res.status(201).json(cartBody(cart));
});
app.delete('/cart', (req, res) => {
    req.session.cart = [];
    res.json(cartBody([]));
});
const server = app.listen(Number(process.env.PORT ?? 8000), process.env.HOST ?? '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
//# sourceMappingURL=server.js.map