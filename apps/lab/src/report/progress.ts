// One line per scenario × strategy × store. On a terminal the running line
// ticks its elapsed time in place; elsewhere (CI, pipes) plain lines only.

export interface ProgressSink {
  write(text: string): void;
  isTTY: boolean;
  color: boolean;
}

export interface Job {
  index: number;
  total: number;
  label: string;
}

const SPIN = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export class Progress {
  private timer?: NodeJS.Timeout;
  private started = 0;

  constructor(private readonly sink: ProgressSink) {}

  start(job: Job): void {
    this.started = Date.now();
    if (!this.sink.isTTY) {
      this.sink.write(`${prefix(job)} ${job.label} …\n`);
      return;
    }
    let k = 0;
    const draw = () => this.sink.write(`\r\x1b[2K${SPIN[k++ % SPIN.length]} ${prefix(job)} ${job.label}  ${seconds(Date.now() - this.started)}`);
    draw();
    this.timer = setInterval(draw, 200);
  }

  finish(job: Job, ok: boolean, detail: string): void {
    clearInterval(this.timer);
    const mark = ok ? this.paint(32, '✓') : this.paint(31, '✗');
    const line = `${mark} ${prefix(job)} ${job.label}  ${seconds(Date.now() - this.started)}  ${detail}`;
    this.sink.write(this.sink.isTTY ? `\r\x1b[2K${line}\n` : `${line}\n`);
  }

  private paint(code: number, text: string): string {
    return this.sink.color ? `\x1b[${code}m${text}\x1b[0m` : text;
  }
}

const prefix = (job: Job) => `[${String(job.index).padStart(String(job.total).length)}/${job.total}]`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
