import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { badInput, FieldProblem } from '../errors/haven-error';

/**
 * class-validator for every argument, after a check no decorator makes: PostgreSQL text cannot hold a
 * NUL character, so one anywhere in an input is refused here rather than failing the write (found by
 * the mutation fuzzing test).
 */
class HavenValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // a custom parameter (the request context) is not input
    if (metadata.type === 'custom') return super.transform(value, metadata);
    // fields are named inside the input object, as class-validator names them
    const problems = nulCharacters(value, metadata.data === 'input' ? '' : (metadata.data ?? ''));
    if (problems.length > 0) throw badInput(problems);
    return super.transform(value, metadata);
  }
}

/** The fields (dotted paths) whose strings hold a NUL character. */
export function nulCharacters(value: unknown, path: string): FieldProblem[] {
  if (typeof value === 'string')
    return value.includes('\u0000')
      ? [{ field: path, message: `${path || 'The value'} must not contain NUL characters` }]
      : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => nulCharacters(item, `${path}.${index}`));
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.entries(value).flatMap(([key, item]) => nulCharacters(item, path ? `${path}.${key}` : key));
  return [];
}

/** class-validator for every argument; failures become BAD_USER_INPUT listing each field. */
export function createValidationPipe(): ValidationPipe {
  return new HavenValidationPipe({
    transform: true,
    whitelist: true,
    forbidUnknownValues: false,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badInput(flattenValidationErrors(errors)),
  });
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}
