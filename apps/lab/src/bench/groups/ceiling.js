"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ceilingGroup = ceilingGroup;
const child_1 = require("../child");
const cases_1 = require("../cases");
const nginx_front_1 = require("../nginx-front");
const users_1 = require("../users");
/** The least work node can do per request, direct and behind the lab's nginx config. */
async function ceilingGroup(ctx) {
    return (0, cases_1.withCleanup)(async (defer) => {
        const responder = await child_1.ChildServer.start({ script: ctx.paths.ceiling, env: { APP_NAME: 'app1' }, readyPath: '/' });
        defer(() => responder.stop());
        const front = await (0, nginx_front_1.startBenchNginx)(responder);
        defer(() => front.stop());
        const users = (0, users_1.anonymousUsers)(ctx.profile.users);
        const [direct, viaNginx] = await (0, cases_1.measureTogether)(ctx, [
            { row: { id: 'ceiling.direct', group: 'ceiling', label: 'ceiling node:http direct' }, spec: { url: responder.url, steps: cases_1.GET_CART, users, cpuPids: [responder.pid] } },
            { row: { id: 'ceiling.nginx', group: 'ceiling', label: 'ceiling node:http via nginx' }, spec: { url: front.url, steps: cases_1.GET_CART, users, cpuPids: [responder.pid, front.pid] } },
        ]);
        (0, cases_1.ratio)(viaNginx, direct);
        return [direct, viaNginx];
    });
}
//# sourceMappingURL=ceiling.js.map