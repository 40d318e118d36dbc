"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.writeReport = writeReport;
exports.matrixJson = matrixJson;
const promises_1 = require("node:fs/promises");
const node_path_1 = require("node:path");
const html_1 = require("./html");
const markdown_1 = require("./markdown");
/** Writes matrix.json, matrix.md and index.html into `dir`. */
async function writeReport(dir, rows, meta) {
    await (0, promises_1.mkdir)(dir, { recursive: true });
    const files = { json: (0, node_path_1.join)(dir, 'matrix.json'), markdown: (0, node_path_1.join)(dir, 'matrix.md'), html: (0, node_path_1.join)(dir, 'index.html') };
    await Promise.all([
        (0, promises_1.writeFile)(files.json, matrixJson(rows)),
        (0, promises_1.writeFile)(files.markdown, (0, markdown_1.renderMarkdown)(rows, meta)),
        (0, promises_1.writeFile)(files.html, (0, html_1.renderHtml)(rows, meta)),
    ]);
    return files;
}
/**
 * The rows, indented for a reader and a diff; each timeline on one line,
 * since thousands of spans one number per line would bury the numbers.
 */
function matrixJson(rows) {
    const items = rows.map(({ timeline, ...row }) => {
        const text = JSON.stringify(row, null, 2);
        return timeline ? `${text.slice(0, -2)},\n  "timeline": ${JSON.stringify(timeline)}\n}` : text;
    });
    return `[\n${items.map((t) => t.replace(/^/gm, '  ')).join(',\n')}\n]\n`;
}
//# sourceMappingURL=write.js.map