"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.renderTable = renderTable;
const output_1 = require("./output");
function pad(text, width, align) {
    const fill = ' '.repeat(Math.max(0, width - (0, output_1.visibleLength)(text)));
    return align === 'right' ? fill + text : text + fill;
}
/** An aligned plain-text table; cells may be coloured (widths ignore escape codes). */
function renderTable(columns, rows, indent = '') {
    const cells = rows.map((row) => columns.map((c) => c.value(row)));
    const widths = columns.map((c, i) => Math.max((0, output_1.visibleLength)(c.header), ...cells.map((r) => (0, output_1.visibleLength)(r[i]))));
    const line = (values) => indent +
        values
            .map((v, i) => pad(v, widths[i], columns[i].align ?? 'left'))
            .join('  ')
            .trimEnd();
    return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n');
}
//# sourceMappingURL=table.js.map