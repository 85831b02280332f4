// Renders the README example of the relations map from a fictional model.
// Run: node --import tsx scripts/renderExampleMap.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import type { MapActor, MapCategory, RelationsMapModel } from '../src/render/relationsMap/index.ts';
import { renderRelationsMapPng } from '../src/render/relationsMap/index.ts';

const categories: MapCategory[] = [
  { name: 'Allies', colour: '#2e9e5b', polarity: 'friendly' },
  { name: 'Partners', colour: '#3b82c4', polarity: 'friendly' },
  { name: 'Rivals', colour: '#e08a1e', polarity: 'hostile' },
  { name: 'Adversaries', colour: '#d23c3c', polarity: 'hostile' },
  { name: 'AAOs', colour: '#8e5cc2', polarity: 'unknown' },
  { name: 'Observers', colour: '#7a8594', polarity: 'unknown' },
];

const listed: Array<[code: string, name: string, category: string, hasProfile: boolean]> = [
  ['KSH', 'Kesh', 'Allies', true],
  ['ORU', 'Oruna', 'Allies', true],
  ['TLV', 'Talvenmark', 'Allies', true],
  ['BRS', 'Briscan Union', 'Partners', true],
  ['MRV', 'Moravel', 'Partners', true],
  ['PLN', 'Pellin Isles', 'Partners', false],
  ['SND', 'Sundari Coast', 'Rivals', true],
  ['YSK', 'Ysker Republic', 'Rivals', true],
  ['QRM', 'Qarim Brigades', 'Adversaries', false],
  ['HLF', 'Hallow Front', 'Adversaries', true],
  ['LRV', 'Lorvath', 'Adversaries', true],
  ['EMB', 'Emberfall Compact', 'AAOs', true],
  ['NSM', 'Northern Sel Militia', 'AAOs', false],
];

const center: MapActor = { code: 'VAL', name: 'Valdoria', hasProfile: true };
const model: RelationsMapModel = {
  kind: 'of',
  center,
  actors: listed.map(([code, name, , hasProfile]) => ({ code, name, hasProfile })),
  categories,
  edges: listed.map(([code, , category]) => ({ from: center.code, to: code, category })),
};

const out = new URL('../docs/relations-map-example.png', import.meta.url);
mkdirSync(new URL('.', out), { recursive: true });
const { png, width, height } = renderRelationsMapPng(model);
writeFileSync(out, png);
console.log(`wrote docs/relations-map-example.png (${width}×${height}, ${png.length} bytes)`);
