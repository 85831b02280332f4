// Relations map rendering (layout to SVG, then resvg to PNG) for a seed-sized map of 13 edges and a crowded one
// of 200, with the SVG step timed alone so a slow figure says which half is slow.
import { buildEngineSync, type Engine } from '../src/engine.ts';
import {
  rasterizeSvg,
  renderRelationsMapPng,
  renderRelationsMapSvg,
} from '../src/render/relationsMap/index.ts';
import { relationsMapModel } from '../src/render/relationsMapAttachment.ts';
import { generateCorpus, SPECIAL } from './corpus.ts';
import { parseGenerated } from './loadGenerated.ts';
import type { Iterations } from './options.ts';
import { measure, type Summary } from './stats.ts';

export const MAP_PROFILES = 1000;

export interface MapFigures {
  edges: number;
  kind: string;
  png: Summary;
  svg: Summary;
  raster: Summary;
  bytes: number;
  size: string;
}

/** `engine`: one already built over the generated MAP_PROFILES corpus, to save building another. */
export function benchMap(it: Iterations['map'], engine?: Engine): MapFigures[] {
  engine ??= buildEngineSync(parseGenerated(generateCorpus(MAP_PROFILES)));
  const { corpus } = engine;
  const seedLike = corpus.actorByCode.get(SPECIAL.tajikar.code)!;
  // The actor most profiles list gives a 'toward' map with as many edges as wanted.
  const popular = corpus.actors.reduce((best, a) =>
    engine.graph.toward(a).edges.length > engine.graph.toward(best).edges.length ? a : best,
  );
  const toward = engine.graph.toward(popular);
  const models = [
    relationsMapModel(engine, { kind: 'of', result: engine.graph.of(seedLike) }),
    relationsMapModel(engine, { kind: 'toward', result: { ...toward, edges: toward.edges.slice(0, 200) } }),
  ];
  return models.map((model) => {
    const svgText = renderRelationsMapSvg(model);
    const rendered = renderRelationsMapPng(model);
    return {
      edges: model.edges.length,
      kind: model.kind,
      png: measure(() => renderRelationsMapPng(model), { ...it, warmup: 3 }),
      svg: measure(() => renderRelationsMapSvg(model), { ...it, warmup: 3 }),
      raster: measure(() => rasterizeSvg(svgText), { ...it, warmup: 3 }),
      bytes: rendered.png.length,
      size: `${rendered.width}×${rendered.height}`,
    };
  });
}
