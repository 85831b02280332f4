// Picks the layout for the kind of map and serialises it.
import { betweenScene } from './between.ts';
import { hubScene } from './hub.ts';
import type { RelationsMapModel } from './model.ts';
import type { Scene } from './svg.ts';
import { sceneToSvg } from './svg.ts';

/** The laid-out shapes before serialisation; exposed so geometry can be checked directly. */
export function relationsMapScene(model: RelationsMapModel): Scene {
  return model.kind === 'between' ? betweenScene(model) : hubScene(model);
}

/** Pure and deterministic: the same model always gives byte-identical markup. */
export function renderRelationsMapSvg(model: RelationsMapModel): string {
  return sceneToSvg(relationsMapScene(model));
}
