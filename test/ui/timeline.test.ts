// The dashboard's live timeline in a real Chromium against a real lab: a kill
// made through the control API (as `npm run lab -- kill` does) becomes a
// labelled marker, and the lane of a client that was on the killed replica
// takes the colour of the one that answers it next. ip-hash with clients in
// different /24s spreads them over the replicas, so some client is on the victim.
import type { Page } from 'playwright-core';
import { replicaColour } from '../../libs/replica-colour';
import { describeBrowser, screenshots, until, withLab } from './browser';

jest.setTimeout(180_000);

interface Span {
  client: string;
  mark: string;
  replica: string;
  fill: string;
}

/** Every span drawn on the timeline, read from its tooltip ("c3: 4 requests ok, app2, 100–900 ms") and fill. */
function spans(dash: Page): Promise<Span[]> {
  return dash.locator('#timeline svg.timeline rect[fill]').evaluateAll((rects) =>
    rects.flatMap((r) => {
      const m = /^(.+?): \d+ requests? (\w+), (.+?), /.exec(r.querySelector('title')?.textContent ?? '');
      return m ? [{ client: m[1], mark: m[2], replica: m[3], fill: r.getAttribute('fill') ?? '' }] : [];
    }),
  );
}

/** The last answered span of each simulated client (c1…c12), in drawing order. */
function lastAnswered(all: Span[]): Map<string, Span> {
  const last = new Map<string, Span>();
  for (const s of all) if (/^c\d+$/.test(s.client) && /^app\d+$/.test(s.replica) && s.mark !== 'fail') last.set(s.client, s);
  return last;
}

describeBrowser('dashboard timeline', 'memory', () => {
  it('a kill through the control API is a marker, and a moved client\'s lane changes colour', () =>
    withLab('timeline', { strategy: 'ip-hash', store: 'memory' }, async (lab) => {
      const { dash } = lab;
      const cspViolations: string[] = [];
      dash.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspViolations.push(m.text()));
      await dash.goto(lab.dashUrl);

      const before = await until('all twelve clients answered on the timeline', async () => lastAnswered(await spans(dash)), (l) => l.size === 12);
      for (const s of before.values()) expect(s.fill).toBe(replicaColour(s.replica));
      const [client, { replica: victim }] = [...before].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))[0];

      const res = await fetch(`${lab.dashUrl}api/replicas/${victim}/kill`, { method: 'POST' });
      expect([res.status, await res.text()]).toEqual([200, expect.stringContaining(`${victim} killed`)]);

      await dash.locator('#timeline svg.timeline text.fault', { hasText: `kill ${victim}` }).waitFor();
      const moved = (await until(
        `${client}'s lane to continue on a replica other than ${victim}`,
        async () => lastAnswered(await spans(dash)).get(client),
        (s) => s !== undefined && s.replica !== victim,
      )) as Span;
      expect(moved.fill).toBe(replicaColour(moved.replica));
      expect(moved.fill).not.toBe(replicaColour(victim));
      // The lane still shows where it was before the kill.
      expect((await spans(dash)).some((s) => s.client === client && s.replica === victim && s.fill === replicaColour(victim))).toBe(true);
      await screenshots(lab, 'timeline-after-kill', 'dashboard');
      expect(cspViolations).toEqual([]);
    }));
});
