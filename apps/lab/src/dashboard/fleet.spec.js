"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const fleet_1 = require("./fleet");
it('never sends simulated traffic to a lab that is not on loopback', () => {
    const fleet = new fleet_1.Fleet({ url: 'http://192.0.2.10:8080', clients: 2 });
    fleet.start();
    expect(fleet.snapshot()).toMatchObject({ running: false, tiles: [], note: expect.stringContaining('loopback') });
    fleet.close();
});
//# sourceMappingURL=fleet.spec.js.map