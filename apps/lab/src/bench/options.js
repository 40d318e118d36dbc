"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.USAGE = exports.GROUPS = void 0;
exports.parseArgs = parseArgs;
const users_1 = require("./users");
exports.GROUPS = ['ceiling', 'peer', 'direct', 'nginx', 'boot', 'memory', 'session-cap'];
const FULL = { mode: 'full', durationS: 8, warmupS: 2, rounds: 8, users: 24, boots: 3, sessionCounts: [10_000, 100_000] };
const QUICK = { mode: 'quick', durationS: 1, warmupS: 0.3, rounds: 1, users: 6, boots: 1, sessionCounts: [1_000] };
exports.USAGE = [
    `usage: npm run bench [-- --quick] [--only ${exports.GROUPS.join(',')}] [--sessions N,M] [--users N] [--json] [--out DIR] [--no-pin] [--compare EARLIER.json]`,
    '       npm run bench -- --compare EARLIER.json --against LATER.json   (no run: compare two reports)',
    '       npm run bench -- --profile [--quick] [--out DIR]                (cpu profiles of cart-api GET /cart and POST /cart/items)',
].join('\n');
function parseArgs(argv) {
    let quick = false;
    let json = false;
    let only = new Set(exports.GROUPS);
    let onlyGiven = false;
    let outDir;
    let sessions;
    let users;
    const rest = { noPin: false, cpuProfile: false };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--quick')
            quick = true;
        else if (arg === '--json')
            json = true;
        else if (arg === '--only' || arg.startsWith('--only=')) {
            only = parseOnly(arg === '--only' ? argv[++i] : arg.slice('--only='.length));
            onlyGiven = true;
        }
        else if (arg === '--out')
            outDir = argv[++i];
        else if (arg === '--sessions')
            sessions = parseCounts(argv[++i]);
        else if (arg === '--users')
            users = parseUsers(argv[++i]);
        else if (arg === '--no-pin')
            rest.noPin = true;
        else if (arg === '--compare')
            rest.compare = fileArg(arg, argv[++i]);
        else if (arg === '--against')
            rest.against = fileArg(arg, argv[++i]);
        else if (arg === '--profile')
            rest.cpuProfile = true;
        else
            throw new Error(`unknown argument ${arg}`);
    }
    if (rest.against && !rest.compare)
        throw new Error('--against needs --compare EARLIER.json');
    if (rest.cpuProfile && (onlyGiven || rest.compare))
        throw new Error('--profile runs on its own: it takes --quick, --users, --out and --no-pin, not --only or --compare');
    let profile = quick ? QUICK : FULL;
    if (sessions)
        profile = { ...profile, sessionCounts: sessions };
    if (users)
        profile = { ...profile, users };
    return { profile, only, json, outDir, ...rest };
}
function fileArg(flag, value) {
    if (!value || value.startsWith('--'))
        throw new Error(`${flag} takes a file name`);
    return value;
}
/** Every user needs an address of its own (see users.ts). */
function parseUsers(value) {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > users_1.MAX_USERS)
        throw new Error(`--users takes a count from 1 to ${users_1.MAX_USERS}; got "${value ?? ''}"`);
    return n;
}
function parseOnly(list) {
    const names = (list ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const bad = names.filter((n) => !exports.GROUPS.includes(n));
    if (!names.length || bad.length)
        throw new Error(`--only takes a list of ${exports.GROUPS.join(', ')}; got "${list ?? ''}"`);
    return new Set(names);
}
/** Session counts for the memory group: positive multiples of 10 (10 creators share them evenly). */
function parseCounts(list) {
    const counts = (list ?? '').split(',').map((s) => Number(s.trim()));
    if (!counts.length || counts.some((n) => !Number.isInteger(n) || n < 10 || n % 10 !== 0)) {
        throw new Error(`--sessions takes counts that are multiples of 10, e.g. 10000,100000; got "${list ?? ''}"`);
    }
    return counts;
}
//# sourceMappingURL=options.js.map