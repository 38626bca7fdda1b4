import { z } from 'astro/zod';

/** Whether a YYYY-MM-DD string names a real calendar day (rejects 2022-02-30). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

// YAML 1.1 parsers read an unquoted 2022-04-22 as a timestamp and 2022 as a number; editors write both.
const asText = (value: unknown) =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : typeof value === 'number' ? String(value) : value;

/** A calendar day written YYYY-MM-DD. */
export const daySchema = z.preprocess(
  asText,
  z.string({ error: 'expected a date written YYYY-MM-DD' }).refine(isCalendarDay, { message: 'not a valid date (expected YYYY-MM-DD, a real calendar day)' }),
);

/** A due date of a commitment: a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD). */
export const dueSchema = z.preprocess(
  asText,
  z
    .string({ error: 'expected YYYY, YYYY-MM or YYYY-MM-DD' })
    .refine((value) => /^\d{4}$/.test(value) || /^\d{4}-(0[1-9]|1[0-2])$/.test(value) || isCalendarDay(value), {
      message: 'not a valid due date (expected YYYY, YYYY-MM or YYYY-MM-DD)',
    }),
);
