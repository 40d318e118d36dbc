"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const rolling_cookie_1 = require("./rolling-cookie");
// What express-session itself signs with (it ships no types); the rolling cookie must verify there.
const { sign, unsign } = require('cookie-signature');
describe('RollingCookie', () => {
    // Behind a proxy: the forwarded protocol decides, through Express' trust rule (req.secure).
    const req = (secure) => ({ secure, headers: { 'x-forwarded-proto': 'x' }, socket: {} });
    it('signs exactly as express-session does, so the cookie verifies on every replica', () => {
        const rolling = new rolling_cookie_1.RollingCookie('sid', 'secret-1', 60, false);
        const value = decodeURIComponent(rolling.value('abc/def+ghi'));
        expect(value).toBe(`s:${sign('abc/def+ghi', 'secret-1')}`);
        expect(unsign(value.slice(2), 'secret-1')).toBe('abc/def+ghi');
        expect(unsign(value.slice(2), 'other')).toBe(false);
    });
    it('writes the attributes express-session writes, plus Max-Age, with Secure as configured', () => {
        const at = Date.UTC(2030, 0, 1);
        const header = new rolling_cookie_1.RollingCookie('sid', 's', 60, false).header(req(true), 'x', at);
        expect(header).toBe(`sid=${encodeURIComponent(`s:${sign('x', 's')}`)}; Path=/; Expires=${new Date(at + 60_000).toUTCString()}; HttpOnly; SameSite=Lax; Max-Age=60`);
        expect(new rolling_cookie_1.RollingCookie('sid', 's', 60, 'auto').header(req(true), 'x')).toMatch(/; HttpOnly; Secure; SameSite=Lax;/);
        expect(new rolling_cookie_1.RollingCookie('sid', 's', 60, 'auto').header(req(false), 'x')).not.toMatch(/Secure/);
    });
    it('Expires follows the clock across seconds (it is formatted once per second)', () => {
        const rolling = new rolling_cookie_1.RollingCookie('sid', 's', 60, false);
        const expiresAt = (at) => /Expires=([^;]+)/.exec(rolling.header(req(false), 'x', at))?.[1];
        const at = Date.UTC(2030, 0, 1, 0, 0, 0, 999);
        expect(expiresAt(at)).toBe(new Date(at + 60_000).toUTCString());
        expect(expiresAt(at + 1)).toBe(new Date(at + 60_001).toUTCString());
        expect(expiresAt(at + 1)).not.toBe(expiresAt(at));
    });
    it('without X-Forwarded-Proto, Secure is the socket\'s own (TLS or not), as req.secure would say', () => {
        const rolling = new rolling_cookie_1.RollingCookie('sid', 's', 60, 'auto');
        const direct = (encrypted) => ({ headers: {}, socket: { encrypted } });
        expect(rolling.header(direct(true), 'x')).toMatch(/; Secure;/);
        expect(rolling.header(direct(false), 'x')).not.toMatch(/Secure/);
    });
    it('keeps its cache of signed ids bounded', () => {
        const rolling = new rolling_cookie_1.RollingCookie('sid', 's', 60, false);
        for (let i = 0; i < 10_001; i++)
            rolling.value(`id-${i}`);
        expect(rolling.signed.size).toBeLessThanOrEqual(10_000);
    });
});
//# sourceMappingURL=rolling-cookie.spec.js.map