// The baseline Dossier's search is measured against: what anyone would write first. A naive reading of the
// profile files (a heading is a line equal to "Profile" or "Relationships", or starting with "1." under the
// interests heading), and a plain MiniSearch: title and text fields, the title boosted ×2, prefix and fuzzy 0.2,
// MiniSearch's own tokenizer and term processing, nothing tuned.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';

interface NaiveSection {
  id: string;
  title: string;
  text: string;
}

const SKIP = new Set(['top of page', 'bottom of page']);
const IMAGE = /\.(png|jpe?g|gif|webp)$/i;

/** Sections of one profile file, with the same ids as Dossier's documents (`profile:summary`, `:interest-2`…). */
export function naiveSections(fileName: string, text: string): NaiveSection[] {
  const profile = path.basename(fileName, '.txt');
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !SKIP.has(l.toLowerCase()));
  const name = lines.shift() ?? profile;
  if (lines[0] && IMAGE.test(lines[0])) lines.shift();
  const sections: NaiveSection[] = [];
  let current: NaiveSection | undefined;
  let inInterests = false;
  const open = (key: string, heading: string) => {
    current = { id: `${profile}:${key}`, title: `${name} ${heading}`, text: '' };
    sections.push(current);
  };
  for (const line of lines) {
    const numbered = inInterests ? /^(\d+)[.)]\s+(.+)$/.exec(line) : null;
    if (/^profile$/i.test(line)) open('summary', line);
    else if (/^key interests/i.test(line)) {
      inInterests = true;
      current = undefined;
    } else if (/^relationships$/i.test(line)) {
      inInterests = false;
      open('relationships', line);
    } else if (numbered) open(`interest-${numbered[1]}`, numbered[2]!);
    else if (current) current.text += `${line}\n`;
  }
  return sections;
}

export class BaselineSearch {
  private readonly mini = new MiniSearch<NaiveSection>({
    fields: ['title', 'text'],
    searchOptions: { boost: { title: 2 }, prefix: true, fuzzy: 0.2 },
  });

  constructor(profileDirs: readonly string[]) {
    for (const dir of profileDirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
        this.mini.addAll(naiveSections(file, readFileSync(path.join(dir, file), 'utf8')));
      }
    }
  }

  /** Section ids, best first. */
  search(query: string, limit: number): string[] {
    return this.mini
      .search(query)
      .slice(0, limit)
      .map((r) => r.id as string);
  }
}
