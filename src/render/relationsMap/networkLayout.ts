// Where each actor of the network sits: a force-directed layout (d3-force) run for a fixed number of ticks from
// a fixed start (a spiral in the given order; d3's own random source is seeded), so the same data always gives
// the same picture. Linked actors pull together, all push apart, no two labels' circles overlap, and every
// node stays inside the drawing area.
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationLinkDatum,
  type SimulationNodeDatum,
} from 'd3-force';

export interface LayoutNode {
  id: string;
  /** Room the node and its label need around its centre. */
  radius: number;
}

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

const TICKS = 250;

/** Once the simulation starts, a link's ends are the bodies themselves. */
function radiusOf(end: string | number | Body): number {
  return typeof end === 'object' ? end.radius : 0;
}

interface Body extends SimulationNodeDatum {
  id: string;
  radius: number;
}

/** Centres of the nodes, in `area`, each at least its radius inside it. */
export function layoutNetwork(
  nodes: readonly LayoutNode[],
  links: readonly { from: string; to: string }[],
  area: Area,
): Map<string, { x: number; y: number }> {
  const bodies: Body[] = nodes.map((n) => ({ id: n.id, radius: n.radius }));
  const ids = new Set(bodies.map((b) => b.id));
  const pairs = new Map<string, SimulationLinkDatum<Body>>();
  for (const { from, to } of links) {
    if (from === to || !ids.has(from) || !ids.has(to)) continue;
    const key = from < to ? `${from}\u0000${to}` : `${to}\u0000${from}`;
    if (!pairs.has(key)) pairs.set(key, { source: from, target: to });
  }
  const aspect = area.width / area.height;
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  // Laid out in the picture's own coordinates, kept inside the area after every tick, so the spacing the
  // collision force makes is the spacing drawn (scaling afterwards would shrink it into overlaps).
  for (const [i, b] of bodies.entries()) {
    const angle = i * Math.PI * (3 - Math.sqrt(5));
    const r = 12 * Math.sqrt(i + 0.5);
    b.x = cx + r * Math.cos(angle) * Math.sqrt(aspect);
    b.y = cy + (r * Math.sin(angle)) / Math.sqrt(aspect);
  }
  const simulation = forceSimulation(bodies)
    .force(
      'link',
      forceLink<Body, SimulationLinkDatum<Body>>([...pairs.values()])
        .id((b) => b.id)
        .distance((l) => (radiusOf(l.source) + radiusOf(l.target)) * 1.1)
        .strength(0.25),
    )
    .force(
      'charge',
      forceManyBody<Body>().strength((b) => -10 * b.radius),
    )
    .force('collide', forceCollide<Body>((b) => b.radius).iterations(2))
    // Gentle pulls to the centre keep unlinked actors near, wider than tall like the area.
    .force('x', forceX<Body>(cx).strength(0.03 / aspect))
    .force('y', forceY<Body>(cy).strength(0.03 * aspect))
    .stop();
  const clamp = () => {
    for (const b of bodies) {
      b.x = Math.min(Math.max(b.x ?? cx, area.x + b.radius), area.x + area.width - b.radius);
      b.y = Math.min(Math.max(b.y ?? cy, area.y + b.radius), area.y + area.height - b.radius);
    }
  };
  for (let i = 0; i < TICKS; i++) {
    simulation.tick();
    clamp();
  }
  const placed = new Map<string, { x: number; y: number }>();
  for (const b of bodies) placed.set(b.id, { x: b.x ?? cx, y: b.y ?? cy });
  return placed;
}
