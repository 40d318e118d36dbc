import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MatrixRow } from '../scenarios/types';
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
    writeFile(files.json, JSON.stringify(rows, null, 2) + '\n'),
    writeFile(files.markdown, renderMarkdown(rows, meta)),
    writeFile(files.html, renderHtml(rows, meta)),
  ]);
  return files;
}
