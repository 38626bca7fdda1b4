import { z } from 'astro/zod';

/** A visible note that the printed text holds an evident extraction error; the text itself keeps the printed reading. */
export const correctionSchema = z.object({
  /** The reading as printed in the source, kept verbatim in the text. */
  printed: z.string().min(1, { message: 'must not be empty' }),
  /** The reading the context shows was meant. */
  reading: z.string().min(1, { message: 'must not be empty' }),
  /** Why the correction is evident (editorial). */
  note: z.string().min(1, { message: 'must not be empty' }),
});

export type Correction = z.infer<typeof correctionSchema>;
