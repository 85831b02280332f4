// Picks the layout for the kind of map.
import { betweenScene } from './between.ts';
import { hubScene } from './hub.ts';
import type { RelationsMapModel } from './model.ts';
import { networkScene } from './network.ts';
import type { Scene } from './scene.ts';

/** The laid-out shapes, pure and deterministic; exposed so geometry and labels can be checked directly. */
export function relationsMapScene(model: RelationsMapModel): Scene {
  switch (model.kind) {
    case 'between':
      return betweenScene(model);
    case 'network':
      return networkScene(model);
    default:
      return hubScene(model);
  }
}
