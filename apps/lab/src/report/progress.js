"use strict";
// One line per scenario × strategy × store. On a terminal the running line
// ticks its elapsed time in place; elsewhere (CI, pipes) plain lines only.
Object.defineProperty(exports, "__esModule", { value: true });
exports.Progress = void 0;
const SPIN = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];
class Progress {
    sink;
    timer;
    started = 0;
    constructor(sink) {
        this.sink = sink;
    }
    start(job) {
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
    finish(job, ok, detail) {
        clearInterval(this.timer);
        const mark = ok ? this.paint(32, '✓') : this.paint(31, '✗');
        const line = `${mark} ${prefix(job)} ${job.label}  ${seconds(Date.now() - this.started)}  ${detail}`;
        this.sink.write(this.sink.isTTY ? `\r\x1b[2K${line}\n` : `${line}\n`);
    }
    paint(code, text) {
        return this.sink.color ? `\x1b[${code}m${text}\x1b[0m` : text;
    }
}
exports.Progress = Progress;
const prefix = (job) => `[${String(job.index).padStart(String(job.total).length)}/${job.total}]`;
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
//# sourceMappingURL=progress.js.map