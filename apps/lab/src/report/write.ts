import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MatrixRow } from '../scenarios/types';
import { judgeClaims } from './claims';
import type { SampleMeta } from './estimate';
import { renderHtml } from './html';
import { renderMarkdown, type ReportMeta } from './markdown';

export interface ReportFiles {
  json: string;
  markdown: string;
  html: string;
}

/** Writes matrix.json, matrix.md and index.html into `dir`. */
export async function writeReport(dir: string, rows: readonly MatrixRow[], meta: ReportMeta): Promise<ReportFiles> {
  await mkdir(dir, { recursive: true });
  const files = { json: join(dir, 'matrix.json'), markdown: join(dir, 'matrix.md'), html: join(dir, 'index.html') };
  await Promise.all([
    writeFile(files.json, matrixJson(rows, meta)),
    writeFile(files.markdown, renderMarkdown(rows, meta)),
    writeFile(files.html, renderHtml(rows, meta)),
  ]);
  return files;
}

/**
 * `{ meta, rows, claims }`: what ran and how long (the docs' counts and the
 * CLI's time estimates read it from the committed sample), the rows indented for a reader and a diff, each
 * timeline on one line (thousands of spans one number per line would bury
 * the numbers), then the claims judged from those rows.
 */
export function matrixJson(rows: readonly MatrixRow[], meta?: ReportMeta): string {
  const items = rows.map(({ timeline, ...row }) => {
    const text = JSON.stringify(row, null, 2);
    return timeline ? `${text.slice(0, -2)},\n  "timeline": ${JSON.stringify(timeline)}\n}` : text;
  });
  const claims = JSON.stringify(judgeClaims(rows), null, 2).replace(/\n/g, '\n  ');
  const head = meta ? `  "meta": ${JSON.stringify(sampleMeta(meta))},\n` : '';
  return `{\n${head}  "rows": [\n${items.map((t) => t.replace(/^/gm, '    ')).join(',\n')}\n  ],\n  "claims": ${claims}\n}\n`;
}

function sampleMeta(m: ReportMeta): SampleMeta {
  return { generated_at: m.generatedAt, environment: m.environment, duration_ms: m.durationMs, selection: m.selection ?? 'teaching' };
}
