// Reads the YAML data files so that every problem points at its line, and validates list entries one by one:
// a bad entry is reported and skipped, never taking the good ones down with it.
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from './schema.ts';

export interface YamlFile {
  value: unknown;
  /** Line of the node at `path`, or of its nearest ancestor. */
  lineOf(path: readonly (string | number)[]): number;
  diagnostics: Diagnostic[];
}

/**
 * `failsafe` reads every scalar as the string written: for files of ids, where `900000000000000101: X` must not
 * become a float that rounds the id.
 */
export function readYamlFile(text: string, file: string, schema: 'core' | 'failsafe' = 'core'): YamlFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema });
  const lineAt = (offset: number | undefined) =>
    offset === undefined ? 1 : lineCounter.linePos(offset).line;
  const diagnostics: Diagnostic[] = doc.errors.map((e) => ({
    severity: 'error',
    file,
    line: lineAt(e.pos[0]),
    message: e.message.split('\n')[0]!,
  }));
  const lineOf = (path: readonly (string | number)[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
      const range = (node as { range?: [number, number, number] } | undefined)?.range;
      if (range) return lineAt(range[0]);
    }
    return 1;
  };
  return { value: diagnostics.length > 0 ? null : (doc.toJS() ?? {}), lineOf, diagnostics };
}

/** Validates `value` against `schema`, reporting each issue at its line under `path`. */
export function validateAt<T>(
  yaml: YamlFile,
  file: string,
  path: readonly (string | number)[],
  value: unknown,
  schema: z.ZodType<T>,
): T | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const full = [...path, ...issue.path.filter((p): p is string | number => typeof p !== 'symbol')];
    const where = full.length > 0 ? `${full.join('.')}: ` : '';
    yaml.diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf(full),
      message: `${where}${issue.message}`,
    });
  }
  return null;
}

/** Validates each entry of the list at `key`; returns the good ones with their lines. */
export function validateList<T>(
  yaml: YamlFile,
  file: string,
  key: string,
  schema: z.ZodType<T>,
): { value: T; line: number }[] {
  const list = (yaml.value as Record<string, unknown> | null)?.[key];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    yaml.diagnostics.push({
      severity: 'error',
      file,
      line: yaml.lineOf([key]),
      message: `${key}: expected a list`,
    });
    return [];
  }
  return list.flatMap((entry, i) => {
    const ok = validateAt(yaml, file, [key, i], entry, schema);
    return ok === null ? [] : [{ value: ok, line: yaml.lineOf([key, i]) }];
  });
}
