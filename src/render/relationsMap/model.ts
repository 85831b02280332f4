// Input of the relations map renderer: a small graph the rest of the app builds from profiles.

export interface MapActor {
  code: string;
  name: string;
  /** Emoji; the picture may leave it out because the bundled font has no emoji. */
  flag?: string;
  hasProfile: boolean;
}

export interface MapCategory {
  name: string;
  /** '#rrggbb' */
  colour: string;
  polarity: 'friendly' | 'hostile' | 'unknown';
  meaning?: string;
}

export interface MapEdge {
  /** Actor code. */
  from: string;
  /** Actor code. */
  to: string;
  /** A MapCategory.name. */
  category: string;
}

export type RelationsMapModel =
  | {
      kind: 'of';
      center: MapActor;
      actors: MapActor[];
      /** In display order. */
      categories: MapCategory[];
      /** All from center. */
      edges: MapEdge[];
    }
  | {
      kind: 'toward';
      center: MapActor;
      actors: MapActor[];
      categories: MapCategory[];
      /** All to center. */
      edges: MapEdge[];
    }
  | {
      kind: 'between';
      a: MapActor;
      b: MapActor;
      actors: MapActor[];
      categories: MapCategory[];
      /** a→b, b→a, and a→x / b→x for shared actors x. */
      edges: MapEdge[];
    };
