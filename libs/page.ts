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
