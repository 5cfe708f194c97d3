import fc from 'fast-check';
import { z } from 'zod';

/** The part of JSON Schema that zod writes for the contract's inputs. */
interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  items?: JsonSchemaNode;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  $ref?: string;
  $defs?: Record<string, JsonSchemaNode>;
}

/**
 * Values the running app really holds, in kinds (its order ids, its product ids, its coupon
 * codes, PINs, dates …): a generated input uses one wherever the schema allows it, so the call
 * gets past "not found" into the handler's own checks. Each kind that fits a field is as likely
 * as any other, however many values it has.
 */
export interface KnownValues {
  strings: ReadonlyArray<readonly string[]>;
  integers: readonly number[];
}

/** Longest string or array made up for a field that sets no bound of its own. */
const OPEN_LENGTH = 64;
const OPEN_ITEMS = 8;

/** Characters that trip naive text handling: NUL, lone surrogates, BOM, bidi overrides, zero-width, combining marks, full-width digits. */
const ODD_CHARS = [
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\uFEFF',
  '\u202E',
  '\u200B',
  '\u0301',
  '０',
  '𝟎',
  '\u3000',
  '\r',
  '\n',
  '"',
  '\\',
  '/',
  '%',
  '가',
];

const textUnit = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...ODD_CHARS) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
);

/**
 * Inputs a channel's zod schema should accept, built from the JSON Schema zod writes for it (so a
 * new channel or field needs nothing here). Refinements JSON Schema cannot say (a check digit,
 * from ≤ to) are not known, so some inputs are refused: that is fine for a fuzzer.
 */
export function validInputs(schema: z.ZodType, known: KnownValues): fc.Arbitrary<unknown> {
  const root = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchemaNode;
  return arbitraryOf(root, root, known, 0);
}

function resolve(root: JsonSchemaNode, ref: string): JsonSchemaNode {
  if (ref === '#') return root;
  const name = /^#\/\$defs\/(.+)$/.exec(ref)?.[1];
  const found = name === undefined ? undefined : root.$defs?.[name];
  if (!found) throw new Error(`unresolved $ref ${ref}`);
  return found;
}

function arbitraryOf(
  node: JsonSchemaNode,
  root: JsonSchemaNode,
  known: KnownValues,
  depth: number,
): fc.Arbitrary<unknown> {
  // A recursive schema ends in the smallest value that stops it.
  if (depth > 12) return fc.constant(null);
  const next = (child: JsonSchemaNode) => arbitraryOf(child, root, known, depth + 1);
  if (node.$ref !== undefined) return next(resolve(root, node.$ref));
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum !== undefined) return fc.constantFrom(...node.enum);
  const choices = node.anyOf ?? node.oneOf;
  if (choices !== undefined) return fc.oneof(...choices.map(next));
  if (node.allOf?.[0] !== undefined) return next(node.allOf[0]);
  if (Array.isArray(node.type)) return fc.oneof(...node.type.map((type) => next({ ...node, type })));
  switch (node.type) {
    case 'object':
      return objectOf(node, next);
    case 'array': {
      const minLength = node.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(node.maxItems ?? OPEN_ITEMS, OPEN_ITEMS));
      return fc.array(node.items === undefined ? fc.jsonValue() : next(node.items), { minLength, maxLength });
    }
    case 'string':
      return stringOf(node, known);
    case 'integer':
    case 'number':
      return numberOf(node, known);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      // No type: the schema takes anything (z.unknown and friends).
      return fc.jsonValue();
  }
}

function objectOf(node: JsonSchemaNode, next: (child: JsonSchemaNode) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const properties = node.properties ?? {};
  const named = fc.record(Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, next(child)])), {
    requiredKeys: (node.required ?? []).filter((key) => key in properties),
  });
  const extra = node.additionalProperties;
  if (extra === undefined || typeof extra === 'boolean') return named;
  return fc
    .tuple(fc.dictionary(fc.string({ maxLength: 20 }), next(extra), { maxKeys: 4 }), named)
    .map(([more, fields]) => ({ ...more, ...fields }));
}

function fits(node: JsonSchemaNode, value: string): boolean {
  if (node.minLength !== undefined && value.length < node.minLength) return false;
  if (node.maxLength !== undefined && value.length > node.maxLength) return false;
  return node.pattern === undefined || new RegExp(node.pattern).test(value);
}

function stringOf(node: JsonSchemaNode, known: KnownValues): fc.Arbitrary<string> {
  const minLength = node.minLength ?? 0;
  const maxLength = Math.max(minLength, node.maxLength ?? OPEN_LENGTH);
  let made: fc.Arbitrary<string>;
  if (node.pattern !== undefined) made = fc.stringMatching(new RegExp(node.pattern)).filter((s) => fits(node, s));
  else if (node.format === 'date-time') made = fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  else if (node.format === 'email') made = fc.emailAddress();
  else if (node.format === 'uri') made = fc.webUrl();
  else if (node.format === 'uuid') made = fc.uuid();
  else made = fc.string({ unit: textUnit, minLength, maxLength });
  const kinds = known.strings.map((kind) => kind.filter((s) => fits(node, s))).filter((kind) => kind.length > 0);
  if (kinds.length === 0) return made;
  return fc.oneof(
    { weight: 3, arbitrary: fc.oneof(...kinds.map((kind) => fc.constantFrom(...kind))) },
    { weight: 2, arbitrary: made },
  );
}

function numberOf(node: JsonSchemaNode, known: KnownValues): fc.Arbitrary<number> {
  const integer = node.type === 'integer';
  const min =
    node.minimum ??
    (node.exclusiveMinimum === undefined
      ? -Number.MAX_SAFE_INTEGER
      : node.exclusiveMinimum + (integer ? 1 : Number.EPSILON));
  const max =
    node.maximum ??
    (node.exclusiveMaximum === undefined
      ? Number.MAX_SAFE_INTEGER
      : node.exclusiveMaximum - (integer ? 1 : Number.EPSILON));
  const made = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const mine = known.integers.filter((n) => n >= min && n <= max);
  return mine.length === 0
    ? made
    : fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...mine) }, { weight: 1, arbitrary: made });
}
