"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const cpuprofile_1 = require("./cpuprofile");
// A call tree: (root) → handle (cart-api) → session (express-session) → Hash (node)
const nodes = [
    { id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1 }, children: [2, 5] },
    { id: 2, callFrame: { functionName: 'handle', url: 'file:///w/dist/apps/cart-api/cart/cart.controller.js', lineNumber: 9 }, children: [3] },
    { id: 3, callFrame: { functionName: 'session', url: 'file:///w/node_modules/express-session/index.js', lineNumber: 184 }, children: [4] },
    { id: 4, callFrame: { functionName: 'Hash', url: 'node:internal/crypto/hash', lineNumber: 87 }, children: [] },
    { id: 5, callFrame: { functionName: '(idle)', url: '', lineNumber: -1 }, children: [] },
];
describe('cpu profile summary', () => {
    it('names the owner of a frame from its script', () => {
        expect((0, cpuprofile_1.ownerOf)('file:///w/node_modules/@nestjs/core/router/x.js', 'f')).toBe('@nestjs/core');
        expect((0, cpuprofile_1.ownerOf)('file:///w/node_modules/a/node_modules/b/i.js', 'f')).toBe('a');
        expect((0, cpuprofile_1.ownerOf)('node:_http_outgoing', 'f')).toBe('node');
        expect((0, cpuprofile_1.ownerOf)('file:///w/dist/apps/cart-api/main.js', 'f')).toBe('cart-api');
        expect((0, cpuprofile_1.ownerOf)('', '(garbage collector)')).toBe('(garbage collector)');
        expect((0, cpuprofile_1.ownerOf)('', 'writev')).toBe('(native)');
    });
    it('ranks self time inside the window, leaves idle out, and counts time on the stack per owner', () => {
        // samples at t = 1100, 2100, 3100, 4100, 5100 µs; each costs the delta to the next sample (1 ms, the last one 0)
        const profile = { nodes, startTime: 100, samples: [4, 4, 3, 5, 2], timeDeltas: [1000, 1000, 1000, 1000, 1000] };
        const s = (0, cpuprofile_1.summarize)(profile, 105, 1_000_000);
        expect(s.windowed).toBe(true);
        expect(s.busy_ms).toBe(3);
        expect(s.top_frames[0]).toMatchObject({ frame: 'Hash node:internal/crypto/hash:88', owner: 'node', share: 0.667 });
        expect(s.by_owner.map((o) => o.owner)).toEqual(['node', 'express-session', 'cart-api']);
        // express-session is on the stack for the Hash samples as well as its own: all 3 ms
        expect(s.inclusive_by_owner.find((o) => o.owner === 'express-session')?.share).toBe(1);
    });
    it('keeps only the samples inside the window, and says so when none fell in it', () => {
        const profile = { nodes, startTime: 100, samples: [4, 4, 3, 5, 2], timeDeltas: [1000, 1000, 1000, 1000, 1000] };
        expect((0, cpuprofile_1.summarize)(profile, 2500, 3500).top_frames.map((f) => f.owner)).toEqual(['express-session']);
        const outside = (0, cpuprofile_1.summarize)(profile, 50_000, 60_000);
        expect(outside.windowed).toBe(false);
        expect(outside.samples).toBe(4);
    });
});
//# sourceMappingURL=cpuprofile.spec.js.map