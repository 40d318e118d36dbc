// One colour per replica name, the same on the shop page and the lab
// dashboard. Deterministic so `app2` looks the same in every tab and
// every run. All colours carry white text at WCAG AA (>= 4.5:1).
// Serialised into the page with Function#toString: self-contained on purpose.
export function replicaColour(name: string): string {
  const palette = ['#1f5fae', '#2e7d32', '#7b3fa0', '#a3520a', '#00796b', '#b0306a', '#6d6a00', '#455a64', '#3949ab', '#5d4037'];
  const numbered = /(\d+)$/.exec(name);
  let index: number;
  if (numbered) {
    index = (Number(numbered[1]) - 1) % palette.length;
  } else {
    let hash = 0;
    for (let i = 0; i < name.length; i++) hash = (hash * 31 + name.charCodeAt(i)) >>> 0;
    index = hash % palette.length;
  }
  return palette[(index + palette.length) % palette.length];
}
