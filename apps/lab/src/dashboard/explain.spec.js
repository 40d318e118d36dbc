"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const topology_1 = require("../topology/topology");
const explain_1 = require("./explain");
it('has a paragraph for every strategy and store that names the strategy', () => {
    for (const strategy of topology_1.STRATEGIES) {
        for (const store of topology_1.STORES) {
            const text = (0, explain_1.explain)(strategy, store);
            expect(text).toContain(strategy);
            expect(text).toMatch(store === 'redis' ? /redis store/ : /memory store/);
        }
    }
});
//# sourceMappingURL=explain.spec.js.map