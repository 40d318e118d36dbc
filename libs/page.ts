// What the shop page (cart-api) and the lab dashboard share: DOM helpers, the
// way a page function becomes a script, and the Content-Security-Policy.
// A page's behaviour is a typed function served as its own source text
// (Function#toString): type-checked by the build, no bundler. So the helpers
// here are self-contained too and reach the page as arguments.
import { replicaColour } from './replica-colour';

export interface Dom {
  /** A new element with attributes and children (text is never parsed as HTML). */
  el(tag: string, attrs?: Record<string, string>, ...kids: (Node | string)[]): HTMLElement;
  byId(id: string): HTMLElement;
  /** Replaces the page's #messages line (a polite live region). */
  say(kind: 'error' | 'info', text: string): void;
}

export function pageDom(): Dom {
  const byId = (id: string) => document.getElementById(id) as HTMLElement;
  function el(tag: string, attrs: Record<string, string> = {}, ...kids: (Node | string)[]): HTMLElement {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...kids);
    return node;
  }
  const say = (kind: 'error' | 'info', text: string) => byId('messages').replaceChildren(el('p', { class: kind }, text));
  return { el, byId, say };
}

export type PageFunction = (dom: Dom, colourOf: (name: string) => string) => void;

/** The script text that runs `page` in the browser with the shared helpers. */
export function pageScript(page: PageFunction): string {
  return `'use strict';\n(${page.toString()})((${pageDom.toString()})(), ${replicaColour.toString()});\n`;
}

/**
 * The script text of a page split into modules: every function `lib` holds
 * becomes a declaration in one scope, and `page` gets `lib` as its third
 * argument. So a module's functions call each other by name, and reach another
 * module's only through what `page` wires (compiled code would name an import's
 * module object, which the browser does not have). Only functions travel:
 * a module constant is not in the page.
 */
export function modularPageScript<L extends Record<string, unknown>>(page: (dom: Dom, colourOf: (name: string) => string, lib: L) => void, lib: L): string {
  const parts = Object.entries(lib).map(([name, fn]) => {
    const source = typeof fn === 'function' ? fn.toString() : '';
    // A declaration names itself; an arrow or a non-function would leave `name` undefined in the page.
    if (!new RegExp(`^(async )?function\\*? ?${name}\\(`).test(source)) throw new Error(`page module export ${name} is not a function declaration`);
    return source;
  });
  const call = `(${page.toString()})((${pageDom.toString()})(), ${replicaColour.toString()}, { ${Object.keys(lib).join(', ')} });`;
  return `'use strict';
(() => {
${parts.join('\n')}
${call}
})();
`;
}

/** Both pages load nothing from elsewhere and talk to their own origin only; they differ in where script and style come from. */
export function pageCsp(sources: { script: string; style: string }): string {
  return [
    "default-src 'none'",
    `script-src ${sources.script}`,
    `style-src ${sources.style}`,
    "connect-src 'self'",
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
