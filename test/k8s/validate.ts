// Each manifest against its published schema: Kubernetes' own OpenAPI
// schemas (kubernetes-models) and Gateway API's (@kubernetes-models/gateway-api,
// which carries Gateway API v1.0). HTTPRoute's sessionPersistence came in
// v1.1 (experimental channel), after that package's schemas, so its rules are
// checked here as the Gateway API reference states them.
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { Secret } from 'kubernetes-models/v1/Secret';
import { Service } from 'kubernetes-models/v1/Service';
import { Gateway } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway';
import { HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute';
import type { Manifest } from './kustomize';

type Model = new (data: never) => { validate(): void };

const MODELS: Record<string, Model> = {
  'apps/v1/Deployment': Deployment as unknown as Model,
  'v1/Service': Service as unknown as Model,
  'v1/Secret': Secret as unknown as Model,
  'networking.k8s.io/v1/Ingress': Ingress as unknown as Model,
  'gateway.networking.k8s.io/v1/Gateway': Gateway as unknown as Model,
  'gateway.networking.k8s.io/v1/HTTPRoute': HTTPRoute as unknown as Model,
};

/** The schema errors of one manifest ([] when valid); an unknown kind is an error, never a pass. */
export function schemaErrors(m: Manifest): string[] {
  const model = MODELS[`${m.apiVersion}/${m.kind}`];
  if (!model) return [`${m.apiVersion} ${m.kind}: no schema known to this test`];
  const errors: string[] = [];
  try {
    new model(m as never).validate();
  } catch (err) {
    errors.push(`${m.kind}/${m.metadata.name}: ${(err as Error).message}`);
  }
  if (m.kind === 'HTTPRoute') errors.push(...sessionPersistenceErrors(m));
  return errors;
}

// Gateway API v1.1+ `SessionPersistence` (apis/v1/httproute_types.go, shared_types.go).
const DURATION = /^([0-9]{1,5}(h|m|s|ms)){1,4}$/;
const FIELDS = new Set(['sessionName', 'absoluteTimeout', 'idleTimeout', 'type', 'cookieConfig']);

export function sessionPersistenceErrors(route: Manifest): string[] {
  const rules = ((route.spec as { rules?: Array<Record<string, unknown>> })?.rules ?? []);
  return rules.flatMap((rule, i) => {
    const sp = rule.sessionPersistence as Record<string, unknown> | undefined;
    if (sp === undefined) return [];
    const at = `HTTPRoute/${route.metadata.name} rules[${i}].sessionPersistence`;
    const errs: string[] = [];
    for (const key of Object.keys(sp)) if (!FIELDS.has(key)) errs.push(`${at}.${key}: unknown field`);
    if (sp.sessionName !== undefined && (typeof sp.sessionName !== 'string' || sp.sessionName.length > 128)) errs.push(`${at}.sessionName: a string of at most 128 bytes`);
    for (const key of ['absoluteTimeout', 'idleTimeout']) {
      if (sp[key] !== undefined && !(typeof sp[key] === 'string' && DURATION.test(sp[key] as string))) errs.push(`${at}.${key}: must match ${DURATION.source}`);
    }
    if (sp.type !== undefined && sp.type !== 'Cookie' && sp.type !== 'Header') errs.push(`${at}.type: Cookie or Header`);
    const lifetime = (sp.cookieConfig as { lifetimeType?: unknown } | undefined)?.lifetimeType;
    if (lifetime !== undefined && lifetime !== 'Permanent' && lifetime !== 'Session') errs.push(`${at}.cookieConfig.lifetimeType: Permanent or Session`);
    if (lifetime === 'Permanent' && sp.absoluteTimeout === undefined) errs.push(`${at}: absoluteTimeout is required when lifetimeType is Permanent`);
    return errs;
  });
}
