// The attacker's own process (see attacker.ts): argv[2] is the AttackOptions
// as JSON; the AttackResult is the last line on stdout. It exits by itself a
// bounded time after the hold, whatever the sockets do.
import { attack, AttackOptions } from './attacker';

const o = JSON.parse(process.argv[2] ?? '{}') as AttackOptions;
if (!o.baseUrl || !o.sourceAddress || !o.sku || !(o.holdMs > 0 && o.holdMs <= 60_000)) {
  process.stderr.write('attacker: want {"baseUrl","sourceAddress","sku","holdMs" (1..60000)} as argv[2]\n');
  process.exit(2);
}
setTimeout(() => {
  process.stderr.write('attacker: still running 20 s after its longest hold; giving up\n');
  process.exit(3);
}, o.holdMs * 2 + 20_000).unref();
attack(o).then(
  (r) => {
    process.stdout.write(`${JSON.stringify(r)}\n`);
    process.exit(0);
  },
  (err: Error) => {
    process.stderr.write(`attacker: ${err.message}\n`);
    process.exit(1);
  },
);
