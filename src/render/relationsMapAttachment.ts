// The map picture attached to /relations replies: drawn off the main thread, kept in a cache shared by all requests.
import type { Engine } from '../engine.ts';
import { MapCache } from './relationsMap/mapCache.ts';
import { RELATIONS_MAP_FILE } from './relationsMap/mapFile.ts';
import type { RelationsMapModel } from './relationsMap/model.ts';
import { renderOffThread } from './relationsMap/renderProcess.ts';
import { type RelationsQuery, relationsMapModel } from './relationsMapModel.ts';
import type { Attachment } from './reply.ts';

export const mapCache = new MapCache(renderOffThread);

/**
 * Every engine is one version of the data (a reload builds a new one), so its number in this map is the data
 * version: maps of older data are never served again and age out of the cache.
 */
const versions = new WeakMap<Engine, number>();
let lastVersion = 0;

export function dataVersion(engine: Engine): number {
  let version = versions.get(engine);
  if (version === undefined) {
    version = ++lastVersion;
    versions.set(engine, version);
  }
  return version;
}

/**
 * The picture, or nothing when there is nothing to draw about an actor without a profile. `request`: what was
 * asked (subcommand, actors, category), which with the data version determines the picture.
 */
export async function relationsMapAttachment(
  engine: Engine,
  query: RelationsQuery,
  request: readonly (string | undefined)[],
): Promise<Attachment | null> {
  if (query.kind === 'of' && !query.result.hasProfile) return null;
  return relationsMapPicture(engine, request, () => relationsMapModel(engine, query));
}

/** Any map, from the cache or drawn: `model` is built only when the picture is not there yet. */
export async function relationsMapPicture(
  engine: Engine,
  request: readonly (string | undefined)[],
  model: () => RelationsMapModel,
): Promise<Attachment> {
  const key = `${dataVersion(engine)}:${JSON.stringify(request)}`;
  const { png } = await mapCache.get(key, model);
  return { name: RELATIONS_MAP_FILE, data: png };
}
