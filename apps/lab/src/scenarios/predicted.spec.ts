import type { HistoryEntry } from '../client/history';
import type { LabClient } from '../client';
import type { Placer } from '../util/placement';
import { predict } from './predicted';

const clients = ['c1', 'c2', 'c3', 'c4'].map((name, i) => ({ name, sourceAddress: `127.0.${i + 1}.1` }) as LabClient);
/** Places by the third octet (c1 → app1 …), app4's clients on app1: a stand-in replay. */
const byOctet = (n: number): Placer => ({ address }) => `app${((Number(address.split('.')[2]) - 1) % n) + 1}`;
const entry = (client: string, servedBy: string, outcome: HistoryEntry['outcome'] = 'ok'): HistoryEntry =>
  ({ client, op: 'getCart', method: 'GET', path: '/cart', servedBy, outcome, startedAt: 0, endedAt: 1 });

describe('predict', () => {
  it('agreement counts clients whose every measured placement is the predicted one', () => {
    const before = { place: byOctet(3), measured: { c1: 'app1', c2: 'app2', c3: 'app3', c4: 'app1' } };
    const after = { place: byOctet(4), measured: { c1: 'app1', c2: 'app2', c3: 'app3', c4: 'app2' } };
    // c4: predicted app4 after, measured app2 → 3 of 4 agree.
    expect(predict(clients, [before, after], [], ['app1', 'app2', 'app3', 'app4'])?.placement_agreement_pct).toBe(75);
  });

  it('a client nobody measured does not agree: no evidence is not agreement', () => {
    const only = { place: byOctet(3), measured: { c1: 'app1', c2: 'app2', c3: 'app3' } };
    expect(predict(clients, [only], [], ['app1', 'app2', 'app3'])?.placement_agreement_pct).toBe(75);
  });

  it('moves are between the first and the last phase\'s predictions; skew over the window\'s ok requests as predicted', () => {
    const before = { place: byOctet(3), measured: {} };
    const after = { place: byOctet(4), measured: {} };
    // c4: app1 → app4; the others stay. 25 %.
    // Window: c1 ×2, c4 ×1 ok, c2 failed (not counted) → predicted app1 2, app4 1 over 4 replicas: 2 / (3/4).
    const window = [entry('c1', 'app1'), entry('c1', 'app1'), entry('c4', 'app1'), entry('c2', 'app2', 'fail')];
    expect(predict(clients, [before, after], window, ['app1', 'app2', 'app3', 'app4'])).toEqual({
      placement_agreement_pct: 0,
      clients_moved_pct: 25,
      load_skew: 2.67,
    });
  });

  it('predicts nothing where a phase has no replay (a strategy that is not deterministic)', () => {
    expect(predict(clients, [{ place: byOctet(3), measured: {} }, { place: undefined, measured: {} }], [], ['app1'])).toBeUndefined();
  });
});

describe('predict without a fault (one phase)', () => {
  it('counts as moved the clients the replay sends to more than one replica by their own requests (url-hash)', () => {
    // A stand-in replay by URI: /cart → app1, /cart/items → app2.
    const byUri: Placer = ({ uri }) => (uri === '/cart' ? 'app1' : 'app2');
    const add = { ...entry('c1', 'app2'), op: 'addItem', method: 'POST', path: '/cart/items' };
    const window = [add, entry('c1', 'app1'), entry('c2', 'app1')];
    expect(predict(clients.slice(0, 2), [{ place: byUri, measured: { c1: 'app1', c2: 'app1' } }], window, ['app1', 'app2'])).toEqual({
      placement_agreement_pct: 100,
      clients_moved_pct: 50,
      load_skew: 1.33,
    });
  });
});
