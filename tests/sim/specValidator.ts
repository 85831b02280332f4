// Validates request bodies against Discord's OpenAPI spec, so a body Discord would refuse fails a test here.
// The 1.2 MB spec is parsed once per module instance (vitest gives each test file its own), and each
// schema is compiled once on first use.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import ajvModule from 'ajv/dist/2020.js';

/** Shared checkout layout: `shared/` sits beside the repository, in CI too. */
const SPEC_URL = new URL('../../../shared/discord/openapi.json', import.meta.url);
const SPEC_KEY = 'discord-openapi';

// Ajv is CommonJS: under NodeNext its default import is `module.exports`, whose `default` is the class.
const Ajv2020 = ajvModule.default;
type Ajv = InstanceType<typeof Ajv2020>;

let ajv: Ajv | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv {
  if (!ajv) {
    const path = fileURLToPath(SPEC_URL);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new Error(`Discord's OpenAPI spec is expected at ${path} (shared/ beside the repository)`, {
        cause: error,
      });
    }
    const spec: unknown = JSON.parse(text);
    // validateSchema off: the document is an OpenAPI file, not a JSON Schema, only its components are.
    ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true, validateSchema: false });
    ajv.addSchema(spec as object, SPEC_KEY);
  }
  return ajv;
}

/** A schema referring into the spec, e.g. `ref('CreateMessageInteractionCallbackRequest')`. */
export function ref(name: string): { $ref: string } {
  return { $ref: `${SPEC_KEY}#/components/schemas/${name}` };
}

/** `items` of the given schema: bulk overwrites send an array. */
export function arrayOf(name: string, maxItems?: number): object {
  return { type: 'array', items: ref(name), ...(maxItems === undefined ? {} : { maxItems }) };
}

function validator(key: string, schema: object): ValidateFunction {
  const cached = compiled.get(key);
  if (cached) return cached;
  const fn = instance().compile(schema);
  compiled.set(key, fn);
  return fn;
}

/**
 * Validates `body` against `schema` (cached under `key`); returns readable messages, empty when valid.
 */
export function validateAgainstSpec(key: string, schema: object, body: unknown): string[] {
  const fn = validator(key, schema);
  if (fn(body)) return [];
  return describe(fn.errors ?? []);
}

/** Ajv's own name for the keyword that a union branch failed on, which says nothing about the real fault. */
function isUnionNoise(error: ErrorObject): boolean {
  if (error.keyword === 'oneOf' || error.keyword === 'anyOf') return true;
  // Nullable fields are `oneOf: [{type: null}, {$ref}]`; the null branch always "fails".
  if (error.keyword === 'type' && error.params.type === 'null') return true;
  // Component and option unions are told apart by `type`: every other branch fails its enum.
  return error.keyword === 'enum' && error.instancePath.endsWith('/type');
}

function describe(errors: ErrorObject[]): string[] {
  const meaningful = errors.filter((e) => !isUnionNoise(e));
  const chosen = meaningful.length > 0 ? meaningful : errors;
  const lines = chosen.map((e) => `${e.instancePath || '(body)'} ${e.message ?? e.keyword}`);
  return [...new Set(lines)].slice(0, 8);
}
