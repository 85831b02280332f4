// Renders the README's example maps (an `of` map and the network) from fictional data, and the pixel reference
// of the map tests.
// Run: node --import tsx scripts/renderExampleMap.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildEngine } from '../src/engine.ts';
import { loadCorpus } from '../src/profiles/loadCorpus.ts';
import { renderRelationsMapPng } from '../src/render/relationsMap/index.ts';
import { closeRenderProcess } from '../src/render/relationsMap/renderProcess.ts';
import { relationsNetworkModel } from '../src/render/relationsMapModel.ts';
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
// The network of the fixture of 9 fictional profiles and 60 actors the network tests use.
const fixture = await buildEngine(
  await loadCorpus(fileURLToPath(new URL('../tests/fixtures/network/', import.meta.url))),
);
const network = renderRelationsMapPng(relationsNetworkModel(fixture));
write('docs/relations-network-example.png', network.png, network.width, network.height);
await closeRenderProcess();
