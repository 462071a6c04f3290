import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsDefined, IsString, MaxLength, registerDecorator, ValidationOptions } from 'class-validator';
import { londonDate } from '../time/calendar';

/** Trims free text; an empty string means "not given". */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  });

/**
 * Required free text, trimmed, at most `maxLength` characters. A blank value is "not given" (Trim), and
 * it says it is required: class-validator runs IsDefined before any other check, whereas it runs the
 * others in the order they were declared bottom-up, so that a length check written last (as every
 * input here writes it) would otherwise judge the blank value first and call it too long.
 */
export function RequiredText(maxLength: number, message = '$property is required') {
  return applyDecorators(Trim(), IsDefined({ message }), IsString(), MaxLength(maxLength));
}

/** A calendar date no later than today in London, and not before 1900. */
export function IsPastOrToday(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastOrToday',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} cannot be in the future or before 1900`, ...options },
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (typeof value === 'string' && value >= '1900-01-01' && value <= londonDate(new Date())),
      },
    });
}

/** A calendar date from 1900 to 2200: a guard against typing slips in dates that may lie ahead. */
export function IsPlausibleDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPlausibleDate',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must fall between 1900 and 2200`, ...options },
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (typeof value === 'string' && value >= '1900-01-01' && value <= '2200-12-31'),
      },
    });
}

/** Clocks differ a little between devices; an instant this far ahead still counts as now. */
const CLOCK_SKEW_MS = 5 * 60_000;

/** An instant that has happened: not in the future, not before 1900. */
export function IsPastInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isPastInstant',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} cannot be in the future`, ...options },
      validator: {
        validate: (value: unknown) =>
          value === null ||
          value === undefined ||
          (value instanceof Date &&
            value.getTime() <= Date.now() + CLOCK_SKEW_MS &&
            value.getTime() >= Date.UTC(1900, 0, 1)),
      },
    });
}
