/** Merges Set-Cookie answers into a `Cookie` request header value, newest value winning. */
export function mergeCookies(current: string, setCookies: string[]): string {
  const jar = new Map<string, string>();
  for (const pair of current.split('; ').filter(Boolean)) jar.set(pair.split('=')[0], pair);
  for (const sc of setCookies) {
    const pair = sc.split(';')[0].trim();
    jar.set(pair.split('=')[0], pair);
  }
  return [...jar.values()].join('; ');
}
