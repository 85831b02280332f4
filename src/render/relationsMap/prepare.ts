// Normalises the model before layout: categories in display order with usable colours and edge counts,
// and actor lookup that tolerates edges naming actors the model did not describe.
import type { MapActor, MapCategory, MapEdge, RelationsMapModel } from './model.ts';
import { safeColour } from './style.ts';
import { cleanText } from './text.ts';

export interface Category {
  name: string;
  colour: string;
  polarity: MapCategory['polarity'];
  /** Number of distinct edges in this category. */
  count: number;
}

/** Drops repeated edges so an actor listed twice the same way is drawn once. */
export function distinctEdges(edges: readonly MapEdge[]): MapEdge[] {
  const seen = new Set<string>();
  return edges.filter((edge) => {
    const key = JSON.stringify([edge.from, edge.to, edge.category]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Model categories first, in their order; a category only edges mention is appended so nothing vanishes. */
export function resolveCategories(model: RelationsMapModel): Category[] {
  const byName = new Map<string, Category>();
  for (const c of model.categories) {
    if (!byName.has(c.name)) {
      byName.set(c.name, { name: c.name, colour: safeColour(c.colour), polarity: c.polarity, count: 0 });
    }
  }
  for (const edge of distinctEdges(model.edges)) {
    let category = byName.get(edge.category);
    if (!category) {
      category = { name: edge.category, colour: safeColour(''), polarity: 'unknown', count: 0 };
      byName.set(edge.category, category);
    }
    category.count++;
  }
  return [...byName.values()];
}

export function actorLookup(model: RelationsMapModel): (code: string) => MapActor {
  const known = new Map<string, MapActor>();
  const anchors =
    model.kind === 'between' ? [model.a, model.b] : model.kind === 'network' ? [] : [model.center];
  for (const actor of [...anchors, ...model.actors]) if (!known.has(actor.code)) known.set(actor.code, actor);
  return (code) => known.get(code) ?? { code, name: code, hasProfile: false };
}

/** The name as the font can draw it, falling back to the code when nothing drawable is left. */
export function displayName(actor: MapActor, bold = false): string {
  return cleanText(actor.name, bold) || cleanText(actor.code, bold) || '?';
}
