import { getMetadataStorage } from 'class-validator';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * The JSON Schema of a DTO property, read from the class-validator rules the
 * body pipe enforces, so the document cannot drift from them. A rule with no
 * mapping here throws: a new rule must be described before it ships.
 */
export function dtoSchema(dto: new () => object): Record<string, SchemaObject> {
  const props: Record<string, SchemaObject> = {};
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false)) {
    const p = (props[rule.propertyName] ??= {});
    const [a, b] = rule.constraints ?? [];
    switch (rule.name) {
      case 'isInt':
        p.type = 'integer';
        break;
      case 'isString':
        p.type = 'string';
        break;
      case 'min':
        p.minimum = a;
        break;
      case 'max':
        p.maximum = b ?? a;
        break;
      case 'isLength':
        Object.assign(p, { minLength: a, maxLength: b });
        break;
      default:
        throw new Error(`no OpenAPI mapping for the ${rule.name} rule of ${dto.name}.${rule.propertyName}`);
    }
  }
  return props;
}
