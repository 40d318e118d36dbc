import { paint } from './output';
import { renderTable } from './table';

interface Row {
  name: string;
  pid: number;
}
// eslint-disable-next-line no-control-regex
const strip = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

describe('renderTable', () => {
  it('aligns columns to the widest cell, numbers to the right', () => {
    const text = renderTable<Row>(
      [
        { header: 'name', value: (r) => r.name },
        { header: 'pid', value: (r) => String(r.pid), align: 'right' },
      ],
      [
        { name: 'app1', pid: 7 },
        { name: 'app10', pid: 12345 },
      ],
    );
    expect(text.split('\n')).toEqual(['NAME     PID', 'app1       7', 'app10  12345']);
  });

  it('ignores colour codes when measuring', () => {
    const text = renderTable<Row>(
      [
        { header: 'name', value: (r) => paint({ color: true }, 'green', r.name) },
        { header: 'pid', value: (r) => String(r.pid) },
      ],
      [
        { name: 'a', pid: 1 },
        { name: 'running', pid: 2 },
      ],
    );
    expect(text).toContain('\x1b[32m');
    expect(strip(text).split('\n')).toEqual(['NAME     PID', 'a        1', 'running  2']);
  });
});
