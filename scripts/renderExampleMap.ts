// Renders the README's example maps from fictional data, and the pixel reference of the map tests.
// Run: node --import tsx scripts/renderExampleMap.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { renderRelationsMapPng } from '../src/render/relationsMap/index.ts';
import { closeRenderPool } from '../src/render/relationsMap/renderPool.ts';
import { exampleOfModel } from './exampleMaps.ts';

function write(relative: string, png: Buffer, width: number, height: number): void {
  const out = new URL(`../${relative}`, import.meta.url);
  mkdirSync(new URL('.', out), { recursive: true });
  writeFileSync(out, png);
  console.log(`wrote ${relative} (${width}×${height}, ${png.length} bytes)`);
}

const of = renderRelationsMapPng(exampleOfModel);
write('docs/relations-map-example.png', of.png, of.width, of.height);
write('tests/render/relationsMap/reference/of-map.png', of.png, of.width, of.height);
await closeRenderPool();
