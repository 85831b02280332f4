// Public entry point of the relations map picture.

export { RELATIONS_MAP_FILE } from './mapFile.ts';
export type { MapActor, MapCategory, MapEdge, RelationsMapModel } from './model.ts';
export type { RenderedMap } from './png.ts';
export { renderRelationsMapPng } from './png.ts';
export { relationsMapScene } from './render.ts';
