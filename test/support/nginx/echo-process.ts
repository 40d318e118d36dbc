import { ChildProcess, spawn } from 'node:child_process';
import { waitFor } from '../../../apps/lab/src/util/wait';

// A replica stand-in in its own process, for what only a process can do:
// SIGSTOP (accepts connections, never answers), like a paused replica.
const SERVER = `
const name = process.argv[1];
const s = require('node:http').createServer((req, res) => {
  req.resume();
  req.on('end', () => { res.setHeader('X-Served-By', name); res.end(JSON.stringify({ served_by: name })); });
});
s.listen(0, '127.0.0.1', () => console.log('port=' + s.address().port));
`;

export class EchoProcess {
  private constructor(
    readonly name: string,
    readonly port: number,
    private readonly child: ChildProcess,
  ) {}

  static async start(name: string): Promise<EchoProcess> {
    const child = spawn(process.execPath, ['-e', SERVER, name], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
    const port = await waitFor(`echo process ${name} to listen`, () => {
      if (child.exitCode !== null) throw new Error(`echo process ${name} exited`);
      const m = /port=(\d+)/.exec(out);
      return m ? Number(m[1]) : null;
    });
    return new EchoProcess(name, port, child);
  }

  get replica() {
    return { name: this.name, host: '127.0.0.1', port: this.port };
  }

  pause(): void {
    this.child.kill('SIGSTOP');
  }

  resume(): void {
    this.child.kill('SIGCONT');
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = new Promise<void>((r) => this.child.once('exit', () => r()));
    this.child.kill('SIGCONT');
    this.child.kill('SIGKILL');
    await exited;
  }
}
