// Finished map pictures, kept by a key the caller makes from the data version and the request, so a hit costs
// neither building the model nor drawing. Bounded by bytes, least recently used first out; requests for a
// picture being drawn wait for that one drawing.
import { LRUCache } from 'lru-cache';
import type { RelationsMapModel } from './model.ts';
import type { MapPicture } from './renderProcess.ts';

/** A map is 50–150 KB; 32 MB keeps a few hundred of them. */
export const MAP_CACHE_BYTES = 32 * 1024 * 1024;

export type Render = (model: RelationsMapModel) => Promise<MapPicture>;

export class MapCache {
  private readonly done: LRUCache<string, MapPicture>;
  private readonly drawing = new Map<string, Promise<MapPicture>>();

  constructor(
    private readonly render: Render,
    maxBytes = MAP_CACHE_BYTES,
  ) {
    this.done = new LRUCache({ maxSize: maxBytes, sizeCalculation: (r) => Math.max(1, r.png.byteLength) });
  }

  /** `model` is called only on a miss. */
  get(key: string, model: () => RelationsMapModel): Promise<MapPicture> {
    const hit = this.done.get(key);
    if (hit) return Promise.resolve(hit);
    const pending = this.drawing.get(key);
    if (pending) return pending;
    const drawn = this.render(model())
      .then((rendered) => {
        this.done.set(key, rendered);
        return rendered;
      })
      .finally(() => this.drawing.delete(key));
    this.drawing.set(key, drawn);
    return drawn;
  }

  /** Bytes held, for the bench and tests. */
  get bytes(): number {
    return this.done.calculatedSize;
  }

  get size(): number {
    return this.done.size;
  }
}
