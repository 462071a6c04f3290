import fc from 'fast-check';
import {
  buildSchema,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The committed schema: the property-based tests generate their inputs from its types. */
export const schema = buildSchema(readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8'));

const oddStrings = fc.constantFrom(
  '',
  '   ',
  '\u0000',
  "Robert'); DROP TABLE child;--",
  '𝓗𝓪𝓿𝓮𝓷',
  'x'.repeat(5000),
);
const isoDate = fc
  .date({ min: new Date('1990-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const isoInstant = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2035-12-31'), noInvalidDate: true })
  .map((date) => date.toISOString());
const wrongType = fc.oneof(fc.integer(), fc.boolean(), fc.string({ maxLength: 8 }), fc.constant({}));

/**
 * How values are drawn: `fuzz` mixes in nulls, wrong types, missing fields and odd strings (to show
 * bad input is refused); `plausible` draws well-formed values a client might send, mostly past the
 * validation, so that the operation reaches its records (to show scope).
 */
export type Draw = 'fuzz' | 'plausible';

const plausibleText = fc.constantFrom('Amara', 'Visit the child', 'Notes from the review', 'Kent Police');
/** Plausible values for the input fields whose format free text would never meet. */
const PLAUSIBLE_FIELDS: Record<string, fc.Arbitrary<unknown>> = {
  localChildId: fc.constantFrom('LC-1001', '204518'),
  nationality: fc.constantFrom('VN', 'AL', 'ER'),
};
const pastDate = fc
  .date({ min: new Date('2024-01-01'), max: new Date(Date.now() - 86_400_000), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const recentInstant = fc
  .date({
    min: new Date(Date.now() - 30 * 86_400_000),
    max: new Date(Date.now() - 60_000),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString());

/** Values for a GraphQL input type. */
export function valuesOf(
  type: GraphQLInputType,
  ids: readonly string[],
  draw: Draw = 'fuzz',
  depth = 0,
): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return present(type.ofType, ids, draw, depth);
  return fc.oneof(
    { weight: draw === 'fuzz' ? 6 : 12, arbitrary: present(type, ids, draw, depth) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function present(
  type: GraphQLInputType,
  ids: readonly string[],
  draw: Draw,
  depth: number,
): fc.Arbitrary<unknown> {
  const typed = wellTyped(type, ids, draw, depth);
  return draw === 'fuzz'
    ? fc.oneof({ weight: 40, arbitrary: typed }, { weight: 1, arbitrary: wrongType })
    : typed;
}

function wellTyped(
  type: GraphQLInputType,
  ids: readonly string[],
  draw: Draw,
  depth: number,
): fc.Arbitrary<unknown> {
  const fuzz = draw === 'fuzz';
  if (isNonNullType(type)) return wellTyped(type.ofType, ids, draw, depth);
  if (isListType(type))
    return fc.array(valuesOf(type.ofType, ids, draw, depth + 1), {
      minLength: fuzz || depth > 1 ? 0 : 1,
      maxLength: depth > 1 ? 0 : 3,
    });
  if (isEnumType(type)) {
    const valid = fc.constantFrom(...type.getValues().map((value) => value.name));
    return fuzz
      ? fc.oneof({ weight: 8, arbitrary: valid }, { weight: 1, arbitrary: fc.constant('NOT_A_VALUE') })
      : valid;
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    const shape = Object.fromEntries(
      fields.map((field) => [
        field.name,
        (!fuzz && PLAUSIBLE_FIELDS[field.name]) || valuesOf(field.type, ids, draw, depth + 1),
      ]),
    );
    const required = fields.filter((field) => isNonNullType(field.type)).map((field) => field.name);
    const complete = fc.record(shape, { requiredKeys: required });
    // required fields mostly there; sometimes left out, which must be refused as well
    return fuzz
      ? fc.oneof(
          { weight: 8, arbitrary: complete },
          { weight: 1, arbitrary: fc.record(shape, { requiredKeys: [] }) },
        )
      : complete;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return fc.oneof(
          { weight: 6, arbitrary: fc.constantFrom(...ids) },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: fuzz ? 1 : 0, arbitrary: fc.string({ maxLength: 12 }) },
        );
      case 'Int':
        return fuzz
          ? fc.oneof(
              { weight: 4, arbitrary: fc.oneof(fc.integer({ min: -5, max: 400 }), fc.integer()) },
              // past what GraphQL's Int holds, and not whole
              { weight: 1, arbitrary: fc.constantFrom(2 ** 31, -(2 ** 31) - 1, 1e20, 1.5) },
            )
          : fc.integer({ min: 1, max: 50 });
      case 'Float':
        return fuzz ? fc.double({ noNaN: true }) : fc.double({ min: 0, max: 100, noNaN: true });
      case 'Boolean':
        return fc.boolean();
      case 'Date':
        return fuzz
          ? fc.oneof(
              { weight: 6, arbitrary: isoDate },
              { weight: 1, arbitrary: fc.constantFrom('2026-02-30', 'soon', '') },
            )
          : pastDate;
      case 'DateTime':
        return fuzz
          ? fc.oneof(
              { weight: 6, arbitrary: isoInstant },
              { weight: 1, arbitrary: fc.constantFrom('yesterday', '2026-13-01T00:00:00Z') },
            )
          : recentInstant;
      default:
        return fuzz
          ? fc.oneof(
              { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
              { weight: 1, arbitrary: oddStrings },
            )
          : plausibleText;
    }
  }
  return fc.constant(null);
}
