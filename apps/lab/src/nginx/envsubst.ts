// A tiny envsubst with the semantics of the nginx image's templating
// (`envsubst "$defined_envs"`): `$NAME` and `${NAME}` are replaced for the
// names that are defined, everything else (nginx's own `$remote_addr`, …) is
// left alone.

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
const LAB_REFERENCE = /\$\{?((?:LAB|LB)_[A-Za-z0-9_]*)/g;

export class UndefinedTemplateVariableError extends Error {
  constructor(source: string, names: string[]) {
    super(`${source} references undefined variable(s): ${names.join(', ')}`);
  }
}

export function envsubst(text: string, env: Record<string, string | undefined>, source = 'template'): string {
  const missing = new Set<string>();
  for (const [, name] of text.matchAll(LAB_REFERENCE)) if (env[name] === undefined) missing.add(name);
  // Silently leaving `${LAB_…}` in place would give nginx a config that fails
  // far from the cause; say which template and which name instead.
  if (missing.size) throw new UndefinedTemplateVariableError(source, [...missing]);
  return text.replace(REFERENCE, (whole, braced?: string, bare?: string) => env[braced ?? bare ?? ''] ?? whole);
}
