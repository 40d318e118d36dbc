import type { INestApplication } from '@nestjs/common';
import type { OpenAPIObject, OperationObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { SESSION_LOST } from '../../../../libs/cart';
import { AddItemDto, SetQtyDto } from '../cart/cart.dto';
// The DTOs' rules, which the schemas are read from (loaded with this module, on the first /docs-json).
import '../cart/cart.rules';
import { DEFAULT_CART_LIMITS } from '../cart/cart.repository';
import { PRODUCTS } from '../catalog/catalog';
import { SESSION_STATUS_HEADER } from '../session/lost-session';
import { dtoSchema } from './dto-schema';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });

const SCHEMAS: Record<string, SchemaObject> = {
  HttpError: {
    type: 'object',
    description: 'Every error the service answers, whatever the status',
    required: ['statusCode', 'error', 'message'],
    properties: { statusCode: { type: 'integer', minimum: 400, maximum: 599 }, error: { type: 'string' }, message: { type: 'string' } },
  },
  AddItem: { type: 'object', required: ['sku', 'qty'], additionalProperties: false, properties: dtoSchema(AddItemDto) },
  SetQty: { type: 'object', required: ['qty'], additionalProperties: false, properties: dtoSchema(SetQtyDto) },
  CartItem: {
    type: 'object',
    properties: {
      sku: { type: 'string', enum: PRODUCTS.map((p) => p.sku) },
      name: { type: 'string' },
      qty: { type: 'integer', minimum: 1, maximum: DEFAULT_CART_LIMITS.maxQty },
      unit_price_cents: { type: 'integer' },
      line_total_cents: { type: 'integer' },
    },
  },
  Cart: {
    type: 'object',
    properties: {
      served_by: { type: 'string' },
      items: { type: 'array', maxItems: DEFAULT_CART_LIMITS.maxLines, items: ref('CartItem') },
      item_count: { type: 'integer' },
      total_cents: { type: 'integer' },
      session: { type: 'string', enum: [SESSION_LOST], description: `The cookie named a session that no longer exists (as ${SESSION_STATUS_HEADER})` },
    },
  },
};

const SERVED_BY = { 'X-Served-By': { description: 'The replica that answered (APP_NAME)', schema: { type: 'string' } } };
const SESSION_STATUS = {
  [SESSION_STATUS_HEADER]: { description: `\`${SESSION_LOST}\` when the cookie named a session that expired or was lost`, schema: { type: 'string', enum: [SESSION_LOST] } },
};

/** Why a cart route refuses, beyond the error every route can answer. */
const CART_ERRORS: Record<string, string> = {
  '400': 'The body breaks a rule of its schema, or is not JSON',
  '404': 'An unknown sku (not in GET /products), or a line not in the cart',
  '413': 'A body over 16 kB',
  '422': `The cart would hold more than ${DEFAULT_CART_LIMITS.maxLines} lines or a line more than ${DEFAULT_CART_LIMITS.maxQty}`,
  '503': 'The session store is unavailable, or this replica holds SESSION_MAX sessions (with Retry-After)',
};

const BODIES: Record<string, string> = { 'post /cart/items': 'AddItem', 'patch /cart/items/{sku}': 'SetQty' };

function describeOperation(path: string, method: string, op: OperationObject): void {
  const cart = path.startsWith('/cart');
  const headers = cart ? { ...SERVED_BY, ...SESSION_STATUS } : SERVED_BY;
  const responses: Record<string, ResponseObject> = {};
  for (const [status, res] of Object.entries(op.responses ?? {})) {
    const ok = res as ResponseObject;
    responses[status] = { ...ok, description: ok.description || 'OK', headers, ...(cart ? { content: json(ref('Cart')) } : {}) };
  }
  for (const [status, description] of Object.entries(cart ? CART_ERRORS : {})) responses[status] = { description, headers, content: json(ref('HttpError')) };
  responses.default = { description: 'Any other error (405 for a method the path does not answer, 429, 5xx)', headers, content: json(ref('HttpError')) };
  op.responses = responses;
  const body = BODIES[`${method} ${path}`];
  if (body) op.requestBody = { required: true, content: json(ref(body)) };
  if (path.includes('{sku}')) {
    op.parameters = [{ name: 'sku', in: 'path', required: true, schema: { type: 'string', enum: PRODUCTS.map((p) => p.sku) } }];
  }
}

/**
 * The OpenAPI document of the running app: routes from Nest's own metadata
 * (SwaggerModule scans the controllers), bodies from the class-validator
 * rules, headers and errors from what the middleware and the error filter
 * answer. Built on the first /docs-json request: @nestjs/swagger costs
 * ~60 ms of CPU to load, which no replica's boot should pay.
 */
export function buildOpenApi(app: INestApplication, replica: string): OpenAPIObject {
  const { DocumentBuilder, SwaggerModule } = require('@nestjs/swagger') as typeof import('@nestjs/swagger');
  const config = new DocumentBuilder()
    .setTitle('cart-api')
    .setDescription(`The Sticky Sessions Lab's cart service (this document: replica ${replica}). The session is the \`sid\` cookie.`)
    .setVersion('1')
    .build();
  const doc = SwaggerModule.createDocument(app, config);
  doc.components = { ...doc.components, schemas: { ...doc.components?.schemas, ...SCHEMAS } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) describeOperation(path, method, op as OperationObject);
  }
  return doc;
}
