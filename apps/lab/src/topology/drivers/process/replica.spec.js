"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const replica_1 = require("./replica");
describe('handshakePort', () => {
    const line = (o) => JSON.stringify(o);
    it('takes the port only from a listening line carrying this start\'s token', () => {
        expect((0, replica_1.handshakePort)(line({ listening: { host: '127.0.0.1', port: 41234, instance: 'tok' } }), 'tok')).toBe(41234);
        expect((0, replica_1.handshakePort)(line({ listening: { host: '127.0.0.1', port: 41234, instance: 'other' } }), 'tok')).toBeUndefined();
        expect((0, replica_1.handshakePort)(line({ listening: { host: '127.0.0.1', port: 41234 } }), 'tok')).toBeUndefined();
    });
    it('ignores log lines, broken JSON and impossible ports', () => {
        expect((0, replica_1.handshakePort)(line({ replica: 'app1', msg: 'listening on 127.0.0.1:0' }), 'tok')).toBeUndefined();
        expect((0, replica_1.handshakePort)('{"listening":{"port":', 'tok')).toBeUndefined();
        for (const port of [0, 70000, 1.5, '8080', null]) {
            expect((0, replica_1.handshakePort)(line({ listening: { port, instance: 'tok' } }), 'tok')).toBeUndefined();
        }
    });
});
//# sourceMappingURL=replica.spec.js.map