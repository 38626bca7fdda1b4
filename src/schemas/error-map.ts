// The one place a schema problem gets its field path (as Starlight's utils/error-map.ts does for its config):
// schema messages say only what is wrong ('must not be empty'), and every caller shows `field.path: message`.
// The path is added to the finished issue rather than inside a Zod error map, because Zod 4 ranks a schema's own
// message above any map passed to safeParse, so a map never sees the messages the schemas write.
import type { z } from 'astro/zod';

/** A field path as messages show it, list indices included: organisation.parts.0.heading; (root) for the whole file. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  return path.map(String).join('.') || '(root)';
}

/** One schema problem as a line: `organisation.parts.0.heading: must not be empty`. */
export function formatSchemaIssue(issue: { readonly path: readonly PropertyKey[]; readonly message: string }): string {
  return `${formatFieldPath(issue.path)}: ${issue.message}`;
}

/** The result of parseWithFieldErrors: the data, or one `field: message` line per problem. */
export type FieldErrorsResult<T> = { success: true; data: T } | { success: false; errors: string[] };

/** Parses `input` with `schema`; on failure every issue becomes a line naming its field once. */
export function parseWithFieldErrors<T extends z.ZodType>(schema: T, input: unknown): FieldErrorsResult<z.output<T>> {
  const result = schema.safeParse(input);
  return result.success ? { success: true, data: result.data } : { success: false, errors: result.error.issues.map(formatSchemaIssue) };
}
