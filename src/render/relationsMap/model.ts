// Input of the relations map renderer: a small graph the rest of the app builds from profiles.

export interface MapActor {
  code: string;
  name: string;
  /** Shorter name from the directory, drawn when the full name does not fit. */
  short?: string;
  /** Emoji flag, drawn from the Twemoji pictures when there is one for it. */
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
    }
  | {
      kind: 'network';
      /** Every actor drawn: profiled ones and those they list. */
      actors: MapActor[];
      categories: MapCategory[];
      /** Lister → listed, one per category. */
      edges: MapEdge[];
      /** The category the network was narrowed to, if any. */
      only?: string;
      /** Actors left out to keep the picture legible (the least connected). */
      hidden: number;
    };
