import type { FaultEntry, HistoryEntry } from '../client/history';
import { measureRepin } from './repin';

const kill: FaultEntry = { type: 'fault', fault: 'kill', target: 'app2', outcome: 'ok', startedAt: 1000, endedAt: 1010 };

function req(client: string, at: number, servedBy: string | undefined, outcome: HistoryEntry['outcome'] = 'ok'): HistoryEntry {
  return { client, op: 'getCart', method: 'GET', path: '/cart', outcome, startedAt: at, endedAt: at + 5, ...(servedBy ? { servedBy } : {}) };
}

describe('measureRepin', () => {
  const history = [
    req('c01', 900, 'app2'),
    kill,
    // c01 fails once, then lands on app1 and stays; c02 answers at once but flips between two replicas.
    req('c01', 1020, undefined, 'unknown'),
    req('c01', 1040, 'app1'),
    req('c01', 1060, 'app1'),
    req('c02', 1012, 'app3'),
    req('c02', 1030, 'app1'),
    // c03 was not app2's: it does not count.
    req('c03', 1011, 'app3'),
  ];

  it('times kill → first answer from a live replica and counts the replicas seen, median over the killed replica\'s clients', () => {
    const r = measureRepin({ history, kill, victims: ['c01', 'c02'] });
    // c01: 1045 − 1010 = 35 ms, c02: 1017 − 1010 = 7 ms → median 21.
    expect(r).toEqual({ first_answer_ms: 21, replicas_seen: 1.5, fresh_route_cookie: false });
  });

  it('sees a fresh route cookie when a victim\'s cookie changed', () => {
    const cookies = { before: { c01: 'app2', c02: 'app2' }, after: { c01: 'app1', c02: 'app2' } };
    expect(measureRepin({ history, kill, victims: ['c01', 'c02'], cookies }).fresh_route_cookie).toBe(true);
    const none = { before: { c01: undefined }, after: { c01: undefined } };
    expect(measureRepin({ history, kill, victims: ['c01'], cookies: none }).fresh_route_cookie).toBe(false);
  });

  it('is unknown when no victim was answered after the kill', () => {
    expect(measureRepin({ history: [kill, req('c01', 1020, undefined, 'fail')], kill, victims: ['c01'] })).toEqual({ first_answer_ms: 'unknown', replicas_seen: 'unknown', fresh_route_cookie: false });
  });
});
