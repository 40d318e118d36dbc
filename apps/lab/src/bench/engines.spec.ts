import { selectCases, unavailableEngines } from './engines';
import { ceilingCases } from './groups/ceiling';
import { haproxyGroup, oneReplicaCases, strategyCases } from './groups/nginx';
import type { BenchContext, BenchReport } from './model';
import { parseArgs } from './options';
import { renderReport } from './render-report';
import { HAPROXY_STRATEGIES, STRATEGIES } from '../topology';

const QUICK = parseArgs(['--quick']).profile;
const FULL = parseArgs([]).profile;
const noHaproxy = unavailableEngines((b) => (b === 'haproxy' ? null : `/usr/sbin/${b}`));
const ids = (cases: { row: { id: string } }[]) => cases.map((c) => c.row.id);

describe('bench cases on a machine without HAProxy', () => {
  it('finds HAProxy missing by its binary, and nothing missing when it is installed', () => {
    expect(noHaproxy).toEqual({ haproxy: 'haproxy not found' });
    expect(unavailableEngines((b) => `/usr/sbin/${b}`)).toEqual({});
  });

  it('keeps every nginx case of the ceiling and the one-replica group, and says which HAProxy case is not measured', () => {
    const ceiling = selectCases(ceilingCases(), noHaproxy);
    expect(ids(ceiling.run)).toEqual(['ceiling.direct', 'ceiling.nginx']);
    expect(ceiling.skipped).toEqual([{ id: 'ceiling.haproxy', group: 'ceiling', label: 'ceiling node:http via haproxy', reason: 'haproxy not found' }]);
    const one = selectCases(oneReplicaCases(), noHaproxy);
    expect(ids(one.run)).toEqual(['nginx.one.direct', 'nginx.one.via-nginx']);
    expect(one.skipped.map((c) => c.id)).toEqual(['nginx.one.via-haproxy']);
    expect(ids(selectCases(ceilingCases(), {}).run)).toEqual(['ceiling.direct', 'ceiling.nginx', 'ceiling.haproxy']);
  });

  it('measures all ten nginx strategy cases and none of HAProxy\'s', () => {
    const ctx = { profile: FULL };
    expect(selectCases(strategyCases(ctx, 'nginx'), noHaproxy).run).toHaveLength(10);
    expect(selectCases(strategyCases(ctx, 'haproxy'), noHaproxy).run).toEqual([]);
  });

  it('the haproxy group boots nothing and records each of its cases as not measured', async () => {
    const recorded: string[] = [];
    const ctx = { profile: QUICK, unavailable: noHaproxy, notMeasured: (cs: { id: string; reason: string }[]) => recorded.push(...cs.map((c) => `${c.id}: ${c.reason}`)) } as Partial<BenchContext> as BenchContext;
    await expect(haproxyGroup(ctx, [])).resolves.toEqual([]);
    expect(recorded).toEqual(strategyCases(ctx, 'haproxy').map((c) => `${c.row.id}: haproxy not found`));
    expect(recorded).toHaveLength(7);
  });

  it('prints a not-measured case as a row that says why', () => {
    const report = {
      machine: { cpu: 'x', cores: 2, memory_gib: 4, node: 'v20', nginx: '1.22.1', redis: null, caveat: 'c' },
      pinning: { pinned: false, reason: 'r' },
      mode: 'quick',
      settings: QUICK,
      cases: [],
      not_measured: selectCases(ceilingCases(), noHaproxy).skipped,
      boot: [],
      memory: [],
      targets: [],
      failures: [],
    } as unknown as BenchReport;
    expect(renderReport(report)).toMatch(/^\| ceiling node:http via haproxy \| not measured: haproxy not found \|/m);
  });
});

describe('bench strategy rows', () => {
  it('--quick measures every nginx strategy with both stores and every HAProxy strategy with the memory store; --strategies narrows both', () => {
    const quick = { profile: QUICK };
    expect(ids(strategyCases(quick, 'nginx'))).toEqual(['memory', 'redis'].flatMap((store) => STRATEGIES.map((s) => `nginx.${store}.${s}`)));
    expect(ids(strategyCases(quick, 'haproxy'))).toEqual(HAPROXY_STRATEGIES.map((s) => `haproxy.memory.${s}`));
    expect(ids(strategyCases({ profile: FULL }, 'haproxy'))).toHaveLength(14);
    const narrowed = { profile: parseArgs(['--quick', '--strategies', 'sticky-cookie,stick-table']).profile };
    expect(ids(strategyCases(narrowed, 'nginx'))).toEqual(['nginx.memory.sticky-cookie', 'nginx.redis.sticky-cookie']);
    expect(ids(strategyCases(narrowed, 'haproxy'))).toEqual(['haproxy.memory.sticky-cookie', 'haproxy.memory.stick-table']);
  });
});
