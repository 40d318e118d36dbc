// One client, one origin (the lab's nginx): a name → value jar is enough.
// Domain and Path are ignored on purpose; expiry is honoured so a server
// clearing a cookie (Max-Age=0 / past Expires) really clears it.

export class CookieJar {
  private readonly jar = new Map<string, string>();

  /** Applies every Set-Cookie header of a response. */
  absorb(setCookie: string[] | string | undefined): void {
    for (const line of [setCookie ?? []].flat()) this.absorbOne(line);
  }

  set(name: string, value: string): void {
    this.jar.set(name, value);
  }

  delete(name: string): void {
    this.jar.delete(name);
  }

  get(name: string): string | undefined {
    return this.jar.get(name);
  }

  all(): Record<string, string> {
    return Object.fromEntries(this.jar);
  }

  /** Value for a `Cookie` request header, or undefined when empty. */
  header(): string | undefined {
    if (this.jar.size === 0) return undefined;
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private absorbOne(line: string): void {
    const [pair, ...attrs] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq <= 0) return;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (isExpired(attrs)) this.jar.delete(name);
    else this.jar.set(name, value);
  }
}

function isExpired(attrs: string[]): boolean {
  for (const attr of attrs) {
    const [k, v = ''] = attr.split('=');
    const key = k.trim().toLowerCase();
    if (key === 'max-age' && Number(v.trim()) <= 0) return true;
    if (key === 'expires' && Date.parse(v.trim()) <= Date.now()) return true;
  }
  return false;
}
