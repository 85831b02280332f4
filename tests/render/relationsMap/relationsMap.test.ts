import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type {
  MapActor,
  MapCategory,
  MapEdge,
  RelationsMapModel,
} from '../../../src/render/relationsMap/index.ts';
import { relationsMapScene, renderRelationsMapPng } from '../../../src/render/relationsMap/index.ts';
import type { Shape } from '../../../src/render/relationsMap/scene.ts';
import { CANVAS } from '../../../src/render/relationsMap/style.ts';
import { fitText, textWidth } from '../../../src/render/relationsMap/text.ts';

// Fictional actors only.
const VAL: MapActor = { code: 'VAL', name: 'Valdoria', hasProfile: true, flag: '🏳️' };
const KSH: MapActor = { code: 'KSH', name: 'Kesh', hasProfile: true };
const NAMES = [
  ['ORU', 'Oruna'],
  ['TLV', 'Talvenmark'],
  ['BRS', 'Briscan Union'],
  ['MRV', 'Moravel'],
  ['SND', 'Sundari Coast'],
  ['YSK', 'Ysker Republic'],
  ['HLF', 'Hallow Front'],
  ['QRM', 'Qarim Brigades'],
  ['LRV', 'Lorvath'],
  ['EMB', 'Emberfall Compact'],
  ['NSL', 'Northern Sel'],
  ['DSK', 'Daskar'],
  ['VEY', 'Veyra'],
] as const;

const CATEGORIES: MapCategory[] = [
  { name: 'Allies', colour: '#2e9e5b', polarity: 'friendly' },
  { name: 'Partners', colour: '#3b82c4', polarity: 'friendly' },
  { name: 'Rivals', colour: '#e08a1e', polarity: 'hostile' },
  { name: 'Adversaries', colour: '#d23c3c', polarity: 'hostile' },
  { name: 'AAOs', colour: '#8e5cc2', polarity: 'unknown' },
  { name: 'Observers', colour: '#7a8594', polarity: 'unknown', meaning: 'left empty on purpose' },
];
const USED = CATEGORIES.slice(0, 5);

function actors(n: number): MapActor[] {
  return Array.from({ length: n }, (_, i) => {
    const known = NAMES[i];
    return known
      ? { code: known[0], name: known[1], hasProfile: i % 4 !== 2 }
      : { code: `X${i}`, name: `Actor ${String(i).padStart(3, '0')}`, hasProfile: true };
  });
}

function ofModel(n: number): Extract<RelationsMapModel, { kind: 'of' }> {
  const listed = actors(n);
  const edges: MapEdge[] = listed.map((a, i) => ({
    from: VAL.code,
    to: a.code,
    category: USED[i % USED.length]?.name ?? 'Allies',
  }));
  return { kind: 'of', center: VAL, actors: listed, categories: CATEGORIES, edges };
}

function towardModel(n: number): RelationsMapModel {
  const of = ofModel(n);
  return {
    ...of,
    kind: 'toward',
    edges: of.edges.map((e) => ({ from: e.to, to: e.from, category: e.category })),
  };
}

function betweenModel(ab: string | undefined, ba: string | undefined, shared: number): RelationsMapModel {
  const others = actors(shared);
  const edges: MapEdge[] = [];
  if (ab) edges.push({ from: VAL.code, to: KSH.code, category: ab });
  if (ba) edges.push({ from: KSH.code, to: VAL.code, category: ba });
  others.forEach((x, i) => {
    const category = USED[i % 4]?.name ?? 'Allies';
    const other = i % 5 === 4 ? (USED[(i + 2) % 4]?.name ?? 'Rivals') : category;
    edges.push({ from: VAL.code, to: x.code, category }, { from: KSH.code, to: x.code, category: other });
  });
  return { kind: 'between', a: VAL, b: KSH, actors: others, categories: CATEGORIES, edges };
}

function pngInfo(png: Buffer): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function luminanceVariance(pixels: Buffer): number {
  const values: number[] = [];
  for (let i = 0; i < pixels.length; i += 4 * 7) {
    values.push(0.2126 * (pixels[i] ?? 0) + 0.7152 * (pixels[i + 1] ?? 0) + 0.0722 * (pixels[i + 2] ?? 0));
  }
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length;
}

/** The text of every label the map draws, runs joined. */
function labels(model: RelationsMapModel): string[] {
  return relationsMapScene(model).shapes.flatMap((s) =>
    s.kind === 'text' ? [s.runs.map((r) => r.text).join('')] : [],
  );
}

/** Every colour the map paints with. */
function colours(model: RelationsMapModel): Set<string> {
  return new Set(
    relationsMapScene(model).shapes.flatMap((s) => {
      if (s.kind === 'text') return [s.fill, ...s.runs.flatMap((r) => (r.fill ? [r.fill] : []))];
      if (s.kind === 'path') return [s.stroke];
      if (s.kind === 'image') return [];
      return [s.fill, ...(s.kind === 'rect' && s.stroke ? [s.stroke] : [])];
    }),
  );
}

type Box = { x: number; y: number; w: number; h: number };

/** Pills and chips: the rounded rectangles that carry text. */
function pillBoxes(shapes: Shape[]): Box[] {
  return shapes.flatMap((s) =>
    s.kind === 'rect' && (s.r ?? 0) > 10 ? [{ x: s.x, y: s.y, w: s.w, h: s.h }] : [],
  );
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;
}

function expectNoOverlapInside(model: RelationsMapModel): void {
  const scene = relationsMapScene(model);
  const boxes = pillBoxes(scene.shapes);
  for (const box of boxes) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.w).toBeLessThanOrEqual(scene.width);
    expect(box.y + box.h).toBeLessThanOrEqual(scene.height);
  }
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      if (a && b) expect(overlaps(a, b), `${JSON.stringify(a)} overlaps ${JSON.stringify(b)}`).toBe(false);
    }
  }
}

describe('relations map: of', () => {
  const model = ofModel(13);
  const rendered = renderRelationsMapPng(model);

  it('is a PNG whose header matches the reported size', () => {
    expect(pngInfo(rendered.png)).toEqual({ width: rendered.width, height: rendered.height });
    expect(rendered.width).toBeGreaterThanOrEqual(1000);
    expect(rendered.height).toBeGreaterThanOrEqual(600);
  });

  it('is not blank', () => {
    const { pixels, width, height } = rendered;
    expect(pixels.length).toBe(width * height * 4);
    expect(luminanceVariance(pixels)).toBeGreaterThan(150);
  });

  it('names every listed actor, the centre and the title', () => {
    const text = labels(model);
    for (const actor of model.actors) expect(text).toContain(actor.name);
    expect(text).toContain('Valdoria');
    expect(text).toContain('Valdoria — relationships as it lists them');
  });

  it('uses every category colour and has a legend, empty categories marked', () => {
    for (const category of CATEGORIES) expect(colours(model)).toContain(category.colour);
    const text = labels(model);
    for (const category of USED) expect(text.some((t) => t.includes(category.name))).toBe(true);
    expect(text).toContain('Observers (none listed)');
    expect(text.filter((t) => t.includes('(none listed)'))).toHaveLength(1);
    expect(text).toEqual(expect.arrayContaining(['friendly:', 'hostile:', 'unknown:']));
  });

  it('groups actors under a header per category with its count', () => {
    const text = labels(model);
    expect(text).toEqual(expect.arrayContaining(['Allies · 3', 'Partners · 3', 'Rivals · 3', 'AAOs · 2']));
  });

  it('draws the arrows away from the centre', () => {
    const tips = relationsMapScene(model).shapes.flatMap((s) => (s.kind === 'polygon' ? [s.points[0]] : []));
    const onMap = tips.filter((p) => p && p[1] < 680);
    expect(onMap).toHaveLength(13);
    for (const tip of onMap) expect(Math.abs((tip?.[0] ?? 0) - 600)).toBeGreaterThan(200);
  });

  it('is deterministic to the byte', () => {
    const again = renderRelationsMapPng(ofModel(13));
    expect(again.png.equals(rendered.png)).toBe(true);
    expect(relationsMapScene(ofModel(13))).toEqual(relationsMapScene(model));
  });
});

describe('relations map: sizes', () => {
  it('says so when nothing is listed', () => {
    const model = ofModel(0);
    const rendered = renderRelationsMapPng(model);
    expect(pngInfo(rendered.png)).toEqual({ width: rendered.width, height: rendered.height });
    const text = labels(model);
    expect(text).toContain('No relationships listed');
    expect(text.filter((t) => t.endsWith('(none listed)'))).toHaveLength(CATEGORIES.length);
    expect(luminanceVariance(rendered.pixels)).toBeGreaterThan(20);
  });

  it('keeps 200 edges legible with a "+N more" per category that accounts for everyone', () => {
    const model = ofModel(200);
    const text = labels(model);
    const more = text.flatMap((t) => {
      const m = /^\+(\d+) more$/.exec(t);
      return m ? [Number(m[1])] : [];
    });
    expect(more).toHaveLength(USED.length);
    const named = new Set(text.filter((t) => model.actors.some((a) => a.name === t)));
    expect(named.size + more.reduce((a, b) => a + b, 0)).toBe(200);
    expect(named.size).toBeGreaterThanOrEqual(10);
    for (const category of USED) expect(text).toContain(`${category.name} · 40`);
    expectNoOverlapInside(model);
  });

  it('never overlaps pills, whatever the count', () => {
    for (const n of [1, 3, 13, 27, 60, 200]) {
      expectNoOverlapInside(ofModel(n));
      expectNoOverlapInside(towardModel(n));
    }
    for (const n of [0, 5, 40, 120]) expectNoOverlapInside(betweenModel('Allies', 'Rivals', n));
  });

  it('shortens long names with an ellipsis to fit', () => {
    const long = 'The Most Serene and Exceedingly Long-Named Confederation of Outer Valdoria';
    const model: RelationsMapModel = {
      kind: 'of',
      center: { code: 'LNG', name: long, hasProfile: true },
      actors: [{ code: 'LN2', name: long, hasProfile: true }],
      categories: CATEGORIES,
      edges: [{ from: 'LNG', to: 'LN2', category: 'Allies' }],
    };
    const text = labels(model);
    expect(text.some((t) => t.endsWith('…') && long.startsWith(t.slice(0, -1)))).toBe(true);
    // The full name stays with the label it was cut from.
    const titles = relationsMapScene(model).shapes.flatMap((s) =>
      s.kind === 'text' && s.title ? [s.title] : [],
    );
    expect(titles).toContain(long);
    expectNoOverlapInside(model);
  });
});

describe('relations map: toward', () => {
  it('points the arrows at the centre', () => {
    const model = towardModel(13);
    const rendered = renderRelationsMapPng(model);
    expect(pngInfo(rendered.png)).toEqual({ width: 1200, height: 800 });
    const text = labels(model);
    expect(text).toContain('Valdoria — how others list it');
    for (const actor of model.actors) expect(text).toContain(actor.name);
    const tips = relationsMapScene(model).shapes.flatMap((s) => (s.kind === 'polygon' ? [s.points[0]] : []));
    const onMap = tips.filter((p) => p && p[1] < 680);
    expect(onMap).toHaveLength(13);
    for (const tip of onMap) expect(Math.abs((tip?.[0] ?? 0) - 600)).toBeLessThan(145);
  });
});

describe('relations map: between', () => {
  it('shows both directions and calls out asymmetric polarity', () => {
    const model = betweenModel('Allies', 'Rivals', 10);
    const rendered = renderRelationsMapPng(model);
    expect(pngInfo(rendered.png)).toEqual({ width: rendered.width, height: rendered.height });
    const text = labels(model);
    expect(text).toEqual(
      expect.arrayContaining([
        'Valdoria ↔ Kesh — how each lists the other',
        'Valdoria lists Kesh as',
        'Kesh lists Valdoria as',
        'Allies',
        'Rivals',
        '⚠ Asymmetric — friendly from Valdoria, hostile from Kesh',
        'Both list in the same category',
      ]),
    );
    expect(colours(model)).toContain('#2e9e5b');
    expect(colours(model)).toContain('#e08a1e');
    // Actors both list in the same category are shown by name.
    expect(text).toEqual(expect.arrayContaining(['Oruna', 'Talvenmark', 'Briscan Union', 'Moravel']));
    expect(luminanceVariance(rendered.pixels)).toBeGreaterThan(150);
  });

  it('says "not listed" when one side does not list the other', () => {
    const text = labels(betweenModel('Partners', undefined, 3));
    expect(text).toContain('not listed');
    expect(text).toContain('⚠ Asymmetric — Kesh does not list Valdoria');
  });

  it('says the view is unknown, not "not listed", for an actor without a profile', () => {
    const model = betweenModel('Partners', undefined, 3);
    if (model.kind !== 'between') throw new Error('expected a between model');
    const text = labels({ ...model, b: { ...model.b, hasProfile: false } });
    expect(text).toContain('unknown: no profile');
    expect(text).toContain('Kesh has no profile: its view is unknown');
    expect(text).not.toContain('not listed');
    expect(text.some((t) => t.includes('Asymmetric'))).toBe(false);
  });

  it('does not cry asymmetry when both list each other the same way', () => {
    const text = labels(betweenModel('Allies', 'Allies', 4));
    expect(text).toContain('Mutual — both list each other as Allies');
    expect(text.some((t) => t.includes('Asymmetric'))).toBe(false);
  });

  it('handles nothing listed at all', () => {
    const model = betweenModel(undefined, undefined, 0);
    const rendered = renderRelationsMapPng(model);
    const text = labels(model);
    expect(text.filter((t) => t === 'not listed')).toHaveLength(2);
    expect(text).toContain('Neither lists the other');
    expect(text).toContain('No relationships listed');
    expect(pngInfo(rendered.png)).toEqual({ width: rendered.width, height: rendered.height });
  });

  it('keeps very long names whole in taller nodes, with the banner and sections moved down below them', () => {
    const long = (place: string) =>
      `The Most Serene and Exceedingly Long-Named Confederation of ${place} and its Marches`;
    const model = betweenModel('Allies', 'Rivals', 6);
    if (model.kind !== 'between') throw new Error('expected a between model');
    const wide = {
      ...model,
      a: { ...model.a, name: long('Upper Valdoria') },
      b: { ...model.b, name: long('Lower Kesh') },
    };
    const text = labels(wide);
    expect(text.filter((t) => t.includes('…'))).toEqual([]);
    expect(text.join(' ')).toContain(wide.a.name);
    expect(text.join(' ')).toContain(wide.b.name);
    // Four lines in the node: taller than the banner's usual place allows for.
    const [node] = relationsMapScene(wide).shapes.filter((s) => s.kind === 'rect' && s.r === 18);
    expect(node && node.kind === 'rect' && node.y + node.h).toBeGreaterThan(258);
    expectNoOverlapInside(wide);
  });

  it('grows taller to show every actor both list rather than hide some', () => {
    const model = betweenModel('Allies', 'Allies', 40);
    const scene = relationsMapScene(model);
    expect(scene.height).toBeGreaterThan(CANVAS.height);
    expect(scene.height).toBeLessThan(CANVAS.maxHeight);
    const text = labels(model);
    expect(text.some((t) => /more/.test(t))).toBe(false);
    // Joined with spaces, so a name wrapped over two lines reads as one.
    for (const actor of model.actors) expect(text.join(' ')).toContain(actor.name);
    expectNoOverlapInside(model);
  });

  it('reports the groups it has no room for, at its tallest, instead of overflowing', () => {
    const many: MapCategory[] = Array.from({ length: 30 }, (_, i) => ({
      name: `Circle ${i + 1}`,
      colour: `#${(0x204060 + i * 0x040404).toString(16)}`,
      polarity: 'friendly',
    }));
    const others = actors(120);
    const model: RelationsMapModel = {
      kind: 'between',
      a: VAL,
      b: KSH,
      actors: others,
      categories: many,
      edges: others.flatMap((x, i) => [
        { from: VAL.code, to: x.code, category: many[i % 30]?.name ?? '' },
        { from: KSH.code, to: x.code, category: many[i % 30]?.name ?? '' },
      ]),
    };
    const scene = relationsMapScene(model);
    expect(scene.height).toBe(CANVAS.maxHeight);
    const note = scene.shapes.find(
      (s) => s.kind === 'text' && /^\+\d+ more in \d+ more groups?$/.test(s.runs[0]?.text ?? ''),
    );
    expect(note).toBeDefined();
    const legendRule = scene.shapes.find((s) => s.kind === 'rect' && s.h < 2);
    expect(note?.kind === 'text' && legendRule?.kind === 'rect' && note.y < legendRule.y).toBe(true);
    expectNoOverlapInside(model);
  });

  it('keeps 200 edges inside the canvas with "+N more"', () => {
    const model = betweenModel('Allies', 'Allies', 99);
    const text = labels(model);
    expect(text.some((t) => /^\+\d+ more$/.test(t))).toBe(true);
    expectNoOverlapInside(model);
  });
});

describe('relations map: hostile text', () => {
  const hostile = [
    '<script>alert(1)</script>',
    'Tom & Jerry "Quoted" \'single\'',
    'שלום עולם',
    'مرحبا بالعالم',
    'Flag 🇫🇷 and 😀 Land',
    'Ctrl\u0000\u0007 chars\ud800 here',
    'café naïve Жук Ωmega',
    ']]><!-- -->&amp;',
  ];
  const model: RelationsMapModel = {
    kind: 'of',
    center: { code: 'H&<', name: '<Centre & "Co"> שלום', hasProfile: true },
    actors: hostile.map((name, i) => ({ code: `H${i}`, name, hasProfile: i % 2 === 0, flag: '🇫🇷' })),
    categories: [
      { name: 'Allies <&>', colour: '#2e9e5b', polarity: 'friendly' },
      { name: 'Quote"d', colour: 'red" onload="alert(1)', polarity: 'hostile' },
      { name: 'عدو', colour: '#d23c3c', polarity: 'hostile' },
    ],
    edges: hostile.map((_, i) => ({
      from: 'H&<',
      to: `H${i}`,
      category: ['Allies <&>', 'Quote"d', 'عدو', 'Not in the list'][i % 4] ?? 'Allies <&>',
    })),
  };

  it('draws names as given, and paints only colours of the form #rrggbb', () => {
    // Joined with spaces, so a name wrapped over two lines reads as one.
    const text = labels(model).join(' ');
    // One word wider than its pill is the one case that is cut.
    expect(text).toContain('<script>alert(1)</scri…');
    expect(text).toContain('Tom & Jerry "Quoted" \'single\'');
    expect(text).toContain('שלום עולם');
    expect(text).toContain('مرحبا بالعالم');
    // Characters the font cannot draw are dropped from the text (flags are drawn as pictures instead).
    expect(text).toMatch(/Flag and \S* ?Land/);
    expect(text).not.toMatch(/[\u{1f1e6}-\u{1f1ff}]/u);
    const unsafe = [...text].filter((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp < 0x09 || (cp >= 0xd800 && cp <= 0xdfff);
    });
    expect(unsafe).toEqual([]);
    for (const colour of colours(model)) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('paints hostile text on every kind of map, between maps included', () => {
    const between: RelationsMapModel = {
      kind: 'between',
      a: model.center,
      b: { code: 'B"', name: 'مرحبا <b>', hasProfile: false },
      actors: model.actors,
      categories: model.categories,
      edges: [
        { from: 'H&<', to: 'B"', category: 'عدو' },
        ...model.actors.flatMap((x) => [
          { from: 'H&<', to: x.code, category: 'Allies <&>' },
          { from: 'B"', to: x.code, category: 'Allies <&>' },
        ]),
      ],
    };
    for (const m of [model, between]) {
      const rendered = renderRelationsMapPng(m);
      expect(pngInfo(rendered.png)).toEqual({ width: rendered.width, height: rendered.height });
      expect(luminanceVariance(rendered.pixels)).toBeGreaterThan(20);
    }
  });

  it('paints any unicode name', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        (names) => {
          const m: RelationsMapModel = {
            kind: 'of',
            center: { code: names[0] ?? '', name: names[0] ?? '', hasProfile: true },
            actors: names.map((name, i) => ({ code: `${name}${i}`, name, hasProfile: true })),
            categories: [{ name: names.at(-1) ?? '', colour: '#2e9e5b', polarity: 'friendly' }],
            edges: names.map((name, i) => ({
              from: names[0] ?? '',
              to: `${name}${i}`,
              category: names.at(-1) ?? '',
            })),
          };
          renderRelationsMapPng(m);
        },
      ),
      { numRuns: 25, seed: 20240611 },
    );
  });
});

describe('relations map: text fitting', () => {
  it('truncates by whole graphemes with an ellipsis and stays within the width', () => {
    const fitted = fitText('Emberfall Compact of the Northern Reaches', 200, 28);
    expect(fitted.endsWith('…')).toBe(true);
    expect(textWidth(fitted, 28)).toBeLessThanOrEqual(200);
    expect(fitText('Kesh', 200, 28)).toBe('Kesh');
  });
});
