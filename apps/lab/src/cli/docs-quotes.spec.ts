// docs/cli.md quotes the CLI: every `$ npm run lab -- <replica verb> <app>`
// it shows is followed by what the lab really answers for that verb.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPLICA_ACTIONS, REPLICA_DONE } from '../control';

const CLI_MD = readFileSync(join(__dirname, '../../../../docs/cli.md'), 'utf8');
const quoted = [...CLI_MD.matchAll(new RegExp(`^\\$ npm run lab -- (${REPLICA_ACTIONS.join('|')}) (app\\d+)\\n(.*)$`, 'gm'))]
  // a refusal (`lab kill: …`) is an error message, quoted elsewhere; `…` elides
  .filter((m) => !m[3].startsWith('lab ') && m[3] !== '…')
  .map((m) => [m[1], m[2], m[3]] as [keyof typeof REPLICA_DONE, string, string]);

describe('docs/cli.md quotes what replica commands print', () => {
  it('quotes mark-down and drain at least', () => expect(quoted.map(([verb]) => verb)).toEqual(expect.arrayContaining(['mark-down', 'drain'])));

  it.each(quoted)('%s %s prints the documented line', (verb, name, line) => {
    expect(line).toBe(REPLICA_DONE[verb](name));
  });
});
