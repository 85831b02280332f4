// Public entry point of the relations map picture.
export type { MapActor, MapCategory, MapEdge, RelationsMapModel } from './model.ts';
export type { RenderedMap } from './png.ts';
export { renderRelationsMapPng } from './png.ts';
export { relationsMapScene } from './render.ts';

/** Attachment name to reference from an embed as `attachment://relations-map.png`. */
export const RELATIONS_MAP_FILE = 'relations-map.png';
