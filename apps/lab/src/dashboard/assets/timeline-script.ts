// The dashboard's live timeline: polls /dash/timeline, which the server draws
// with the report's own SVG code, and swaps the markup in. Served as this
// function's source text (Function#toString) after the page script, under the
// same CSP hash, so it may use nothing from this module's scope.
function timelinePanel(): void {
  const POLL_MS = 2000;
  const box = document.getElementById('timeline') as HTMLElement;
  let inFlight = false;

  async function refresh(): Promise<void> {
    if (inFlight || document.hidden) return;
    inFlight = true;
    try {
      const res = await fetch('/dash/timeline', { credentials: 'same-origin', cache: 'no-store' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      // Parsed as an inert document (its scripts never run, and it has none), then moved in.
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      // Follows the newest moment unless the reader scrolled back to look at the past.
      const atEnd = box.scrollLeft + box.clientWidth >= box.scrollWidth - 4;
      box.replaceChildren(...Array.from(doc.body.childNodes));
      if (atEnd) box.scrollLeft = box.scrollWidth;
      box.dataset.version = res.headers.get('x-timeline-version') ?? '';
      box.setAttribute('aria-busy', 'false');
    } catch {
      // The page script already says when the lab is out of reach; the last drawing stays.
    } finally {
      inFlight = false;
    }
  }

  setInterval(() => void refresh(), POLL_MS);
  void refresh();
}

export const TIMELINE_JS = `(${timelinePanel.toString()})();\n`;
