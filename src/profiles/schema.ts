// The shape of everything loaded from data/, written once as zod schemas; the types come from them.
import { z } from 'zod';

const line = z.number().int().positive();

/** A problem in a data file, always pointing at `file:line`. Errors make `npm run validate` fail. */
export const diagnosticSchema = z.object({
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: line,
  message: z.string(),
});
export type Diagnostic = z.infer<typeof diagnosticSchema>;

/** One paragraph of prose: consecutive non-blank lines joined with a space. */
export const paragraphSchema = z.object({
  text: z.string().min(1),
  line: line,
  /** How many source lines the paragraph spans (1 for the usual one-line-per-paragraph export). */
  lineCount: z.number().int().positive(),
});
export type Paragraph = z.infer<typeof paragraphSchema>;

export const interestSchema = z.object({
  number: z.number().int().nonnegative(),
  title: z.string().min(1),
  line: line,
  body: z.array(paragraphSchema),
});
export type Interest = z.infer<typeof interestSchema>;

export const actorCodeSchema = z
  .string()
  .regex(/^[A-Z][A-Z0-9]{1,5}$/, 'an actor code is 2–6 capital letters or digits');

export const listedCodeSchema = z.object({ code: actorCodeSchema, line: line });
export type ListedCode = z.infer<typeof listedCodeSchema>;

export const relationshipCategorySchema = z.object({
  /** The heading exactly as the page has it (e.g. `AAOs`). */
  name: z.string().min(1),
  line: line,
  codes: z.array(listedCodeSchema),
});
export type RelationshipCategory = z.infer<typeof relationshipCategorySchema>;

export const genericSectionSchema = z.object({
  heading: z.string().min(1),
  line: line,
  paragraphs: z.array(paragraphSchema),
});
export type GenericSection = z.infer<typeof genericSectionSchema>;

export const profileSchema = z.object({
  /** Slug from the file name: stable, used in commands and button ids. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  /** Path of the source file relative to the data directory. */
  file: z.string(),
  name: z.string().min(1),
  nameLine: line,
  image: z.object({ file: z.string(), line: line }).nullable(),
  summary: z
    .object({ heading: z.string().nullable(), line: line, paragraphs: z.array(paragraphSchema) })
    .nullable(),
  interests: z
    .object({
      heading: z.string(),
      line: line,
      intro: z.array(paragraphSchema),
      items: z.array(interestSchema),
    })
    .nullable(),
  relationships: z
    .object({ heading: z.string(), line: line, categories: z.array(relationshipCategorySchema) })
    .nullable(),
  /** Sections the format does not name, kept in source order. */
  sections: z.array(genericSectionSchema),
});
export type Profile = z.infer<typeof profileSchema>;
