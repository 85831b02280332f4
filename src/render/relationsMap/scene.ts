// What the layouts produce: shapes in picture coordinates, drawn in order by paint.ts.

export interface TextRun {
  text: string;
  fill?: string;
  bold?: boolean;
}

export type Shape =
  | {
      kind: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      r?: number;
      fill: string;
      stroke?: string;
      strokeWidth?: number;
      dash?: string;
    }
  | { kind: 'path'; d: string; stroke: string; width: number; dash?: string; roundCaps?: boolean }
  | { kind: 'polygon'; points: ReadonlyArray<readonly [number, number]>; fill: string }
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string }
  /** A square picture given as SVG markup (a flag). */
  | { kind: 'image'; x: number; y: number; size: number; svg: string }
  | {
      kind: 'text';
      x: number;
      y: number;
      size: number;
      fill: string;
      anchor?: 'start' | 'middle' | 'end';
      bold?: boolean;
      runs: TextRun[];
      /** The full name behind a label, so a test or a reader of the scene can tell what a label stands for. */
      title?: string;
    };

export interface Scene {
  width: number;
  height: number;
  background: string;
  shapes: Shape[];
}
