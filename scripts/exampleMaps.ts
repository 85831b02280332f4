// Fictional example maps: the README's pictures and the pixel reference the map tests compare against.
import type { MapActor, MapCategory, RelationsMapModel } from '../src/render/relationsMap/index.ts';

const categories: MapCategory[] = [
  { name: 'Allies', colour: '#2e9e5b', polarity: 'friendly' },
  { name: 'Partners', colour: '#3b82c4', polarity: 'friendly' },
  { name: 'Rivals', colour: '#e08a1e', polarity: 'hostile' },
  { name: 'Adversaries', colour: '#d23c3c', polarity: 'hostile' },
  { name: 'AAOs', colour: '#8e5cc2', polarity: 'unknown' },
  { name: 'Observers', colour: '#7a8594', polarity: 'unknown' },
];

const listed: Array<[code: string, name: string, category: string, hasProfile: boolean, short?: string]> = [
  ['KSH', 'Kesh', 'Allies', true],
  ['ORU', 'Oruna', 'Allies', true],
  ['TLV', 'Talvenmark', 'Allies', true],
  ['BRS', 'Briscan Union', 'Partners', true],
  ['MRV', 'Moravel', 'Partners', true],
  ['PLN', 'United Provinces of the Pellin Isles', 'Partners', false, 'Pellin Isles'],
  ['SND', 'Sundari Coast', 'Rivals', true],
  ['YSK', 'Ysker Republic', 'Rivals', true],
  ['QRM', 'Qarim Brigades', 'Adversaries', false],
  ['HLF', 'Hallow Front', 'Adversaries', true],
  ['LRV', 'Lorvath', 'Adversaries', true],
  ['EMB', 'Emberfall Compact', 'AAOs', true],
  ['NSM', 'Revolutionary Militia of the Northern Sel', 'AAOs', false],
];

const center: MapActor = { code: 'VAL', name: 'Valdoria', hasProfile: true };

/** Valdoria's relationships as it lists them: the README's `of` map and the tests' pixel reference. */
export const exampleOfModel: RelationsMapModel = {
  kind: 'of',
  center,
  actors: listed.map(([code, name, , hasProfile, short]) => ({
    code,
    name,
    hasProfile,
    ...(short ? { short } : {}),
  })),
  categories,
  edges: listed.map(([code, , category]) => ({ from: center.code, to: code, category })),
};
