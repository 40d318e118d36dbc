"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const memory_session_store_1 = require("./memory-session.store");
const session_backend_1 = require("./session-backend");
const config_1 = require("../config/config");
function sess(expiresAt) {
    return { cookie: { originalMaxAge: 1000, expires: new Date(expiresAt) }, createdAt: 1 };
}
const get = (store, sid) => new Promise((resolve) => store.get(sid, (_e, s) => resolve(s)));
describe('MemorySessionStore', () => {
    let now = 1_000_000;
    let gone;
    let store;
    beforeEach(() => {
        now = 1_000_000;
        gone = [];
        store = new memory_session_store_1.MemorySessionStore({ ttlSeconds: 60, onGone: (sid) => gone.push(sid), now: () => now });
    });
    afterEach(() => store.close());
    it('returns a copy of what was stored', async () => {
        store.set('a', sess(now + 60_000));
        const got = await get(store, 'a');
        expect(got?.createdAt).toBe(1);
        got.createdAt = 2;
        expect((await get(store, 'a'))?.createdAt).toBe(1);
    });
    it('gives back exactly what express-session stored, cookie options included', async () => {
        const stored = {
            cookie: { originalMaxAge: 60_000, expires: new Date(now + 60_000), secure: false, httpOnly: true, path: '/', sameSite: 'lax' },
            createdAt: 7,
        };
        store.set('a', stored);
        store.set('b', { ...stored, cookie: { ...stored.cookie, secure: true } });
        expect(await get(store, 'a')).toEqual(JSON.parse(JSON.stringify(stored)));
        expect((await get(store, 'b'))?.cookie.secure).toBe(true);
    });
    it('every read gets its own cookie object: changing one changes neither the store nor the next read', async () => {
        store.set('a', sess(now + 60_000));
        store.set('b', sess(now + 60_000)); // the same cookie options: one interned string, one parsed copy
        const first = await get(store, 'a');
        first.cookie.originalMaxAge = 5;
        expect([(await get(store, 'a'))?.cookie.originalMaxAge, (await get(store, 'b'))?.cookie.originalMaxAge]).toEqual([1000, 1000]);
    });
    it('keeps a cookie without expires without one', async () => {
        store.set('a', { cookie: { originalMaxAge: null, httpOnly: true, path: '/' } });
        expect((await get(store, 'a'))?.cookie).toEqual({ originalMaxAge: null, httpOnly: true, path: '/' });
    });
    it('answers get on a later turn, as a store with I/O would (see no-lost-update.e2e.ts)', async () => {
        store.set('a', sess(now + 60_000));
        let answered = false;
        const done = new Promise((r) => store.get('a', () => r((answered = true))));
        expect(answered).toBe(false);
        await done;
        expect(answered).toBe(true);
    });
    it('expires on read at the cookie expiry and reports the session gone', async () => {
        store.set('a', sess(now + 1000));
        now += 1000;
        expect(await get(store, 'a')).toBeNull();
        expect(gone).toEqual(['a']);
        expect(store.size).toBe(0);
    });
    it('touch slides the expiry', async () => {
        store.set('a', sess(now + 1000));
        now += 900;
        store.touch('a', sess(now + 1000));
        now += 900;
        expect(await get(store, 'a')).not.toBeNull();
    });
    it('prune removes only expired sessions', () => {
        store.set('old', sess(now + 10));
        store.set('new', sess(now + 10_000));
        now += 10;
        expect(store.prune()).toBe(1);
        expect(gone).toEqual(['old']);
        expect(store.size).toBe(1);
    });
    it('destroy, clear, length and all', async () => {
        store.set('a', sess(now + 1000));
        store.set('b', sess(now + 1000));
        store.destroy('a');
        expect(gone).toEqual(['a']);
        await expect(new Promise((r) => store.length((_e, n) => r(n)))).resolves.toBe(1);
        await expect(new Promise((r) => store.all((_e, list) => r(list?.length)))).resolves.toBe(1);
        store.clear();
        expect(gone).toEqual(['a', 'b']);
        expect(store.size).toBe(0);
    });
    it('falls back to the TTL when the session has no cookie expiry', async () => {
        store.set('a', { cookie: { originalMaxAge: null } });
        now += 59_000;
        expect(await get(store, 'a')).not.toBeNull();
        now += 1_000;
        expect(await get(store, 'a')).toBeNull();
    });
    it('sweeps on its own timer, which does not keep the process alive', () => {
        jest.useFakeTimers();
        try {
            const timed = new memory_session_store_1.MemorySessionStore({ ttlSeconds: 2, onGone: (sid) => gone.push(sid) });
            timed.set('a', sess(Date.now() + 1000));
            jest.advanceTimersByTime(2000);
            expect(gone).toEqual(['a']);
            timed.close();
        }
        finally {
            jest.useRealTimers();
        }
    });
    it('refuses a new session at maxSessions, after sweeping expired ones; updates of held sessions still pass', () => {
        const capped = new memory_session_store_1.MemorySessionStore({ ttlSeconds: 60, maxSessions: 2, now: () => now });
        try {
            const errors = [];
            const set = (sid, at) => capped.set(sid, sess(at), (e) => errors.push(e));
            set('a', now + 1_000);
            set('b', now + 60_000);
            set('c', now + 60_000);
            expect(errors[2]).toBeInstanceOf(memory_session_store_1.SessionLimitError);
            expect(errors[2].retryAfterSeconds).toBe(60);
            set('b', now + 90_000); // an existing session is never refused
            expect(errors[3]).toBeNull();
            now += 2_000; // 'a' expired: the sweep at the cap makes room
            set('c', now + 60_000);
            expect([errors[4], capped.size]).toEqual([null, 2]);
        }
        finally {
            capped.close();
        }
    });
    it('at the cap a flood of new sessions sweeps at most once a second, not once per request', () => {
        const capped = new memory_session_store_1.MemorySessionStore({ ttlSeconds: 60, maxSessions: 100, now: () => now });
        const prune = jest.spyOn(capped, 'prune');
        try {
            for (let i = 0; i < 100; i++)
                capped.set(`held${i}`, sess(now + 60_000));
            const refused = [];
            for (let i = 0; i < 1000; i++)
                capped.set(`new${i}`, sess(now + 60_000), (e) => refused.push(e));
            expect(refused.every((e) => e instanceof memory_session_store_1.SessionLimitError)).toBe(true);
            expect(prune).toHaveBeenCalledTimes(1);
            now += 1_000;
            capped.set('later', sess(now + 60_000), () => undefined);
            expect(prune).toHaveBeenCalledTimes(2);
        }
        finally {
            prune.mockRestore();
            capped.close();
        }
    });
    it("the backend's session count is a counter: reading it never sweeps the store", () => {
        const backend = (0, session_backend_1.memoryBackend)((0, config_1.loadConfig)({ SESSION_SECRET: 's' }));
        try {
            const prune = jest.spyOn(memory_session_store_1.MemorySessionStore.prototype, 'prune');
            backend.store.set('a', sess(Date.now() + 60_000));
            expect(backend.sessionsInMemory()).toBe(1);
            expect(prune).not.toHaveBeenCalled();
            prune.mockRestore();
        }
        finally {
            void backend.close();
        }
    });
});
//# sourceMappingURL=memory-session.store.spec.js.map