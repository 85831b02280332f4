// An actor's pill as every layout draws it: its flag, then its name whole (the full name, the directory's short
// name, or wrapped over lines a size smaller; see nameLabel.ts), greyed when the actor has no profile, bordered
// in the colour of the category it is listed in.
import { flagWidth, PILL_PADDING, pill, pillHeight, pillWidth } from './draw.ts';
import { flagSvg } from './flags.ts';
import type { MapActor } from './model.ts';
import { type NameLabel, nameLabel } from './nameLabel.ts';
import type { Shape } from './scene.ts';
import { COLOURS, TYPE } from './style.ts';

/** Name sizes in actor pills: one line at the first, two lines at any. */
const PILL_NAME_SIZES = [TYPE.name, 24, 21] as const;

/** How the actor's name is drawn in a pill no wider than `maxWidth`, flag and padding included. */
export function actorPillLabel(actor: MapActor, maxWidth: number): NameLabel {
  const room = maxWidth - 2 * PILL_PADDING - flagWidth(TYPE.name, flagSvg(actor.flag));
  return nameLabel(actor, room, PILL_NAME_SIZES);
}

export function actorPillWidth(actor: MapActor, label: NameLabel): number {
  return pillWidth(label.lines, label.size, false, flagSvg(actor.flag));
}

/** `oneLine`: the height of a pill whose name takes one line. */
export function actorPillHeight(label: NameLabel, oneLine: number): number {
  return pillHeight(label.lines.length, label.size, oneLine);
}

export interface ActorPillSpec {
  actor: MapActor;
  label: NameLabel;
  /** Left edge and vertical centre. */
  x: number;
  cy: number;
  height: number;
  /** The border: the colour of the category the actor is listed in. */
  colour: string;
}

export function actorPill({ actor, label, x, cy, height, colour }: ActorPillSpec): Shape[] {
  const { lines, size } = label;
  return pill({
    x,
    cy,
    text: lines.join(' '),
    lines,
    flag: flagSvg(actor.flag),
    size,
    height,
    border: colour,
    fill: actor.hasProfile ? COLOURS.pill : COLOURS.noProfileFill,
    textFill: actor.hasProfile ? COLOURS.text : COLOURS.noProfileText,
    title: actor.name,
  });
}
