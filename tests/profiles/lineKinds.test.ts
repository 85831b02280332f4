// The line classifiers the parser is built on, and the decoding helpers: codes, numbered items, known headings,
// title-like lines, image names, page chrome, line splitting and profile ids.
import { describe, expect, it } from 'vitest';
import {
  actorCode,
  isHeadingLike,
  isImageFileName,
  knownSection,
  numberedItem,
  sameCategoryName,
} from '../../src/profiles/lineKinds.ts';
import { profileIdFromFile, slugify } from '../../src/profiles/parseProfile.ts';
import { isPageChrome, splitLines } from '../../src/profiles/sourceText.ts';

describe('actorCode', () => {
  it('accepts 2–6 letters or digits starting with a letter, upper-casing lowercase', () => {
    expect(['RUS', 'US', 'G7', 'KDR2', 'ABCDEF', 'rus', 'g7'].map(actorCode)).toEqual([
      'RUS',
      'US',
      'G7',
      'KDR2',
      'ABCDEF',
      'RUS',
      'G7',
    ]);
  });

  it('refuses everything else', () => {
    for (const text of ['R', 'RUSSIAN', 'R.U.S', '12', '1RUS', 'Rus', 'R-S', 'RU S', '', 'RÜS']) {
      expect(actorCode(text), text).toBeUndefined();
    }
  });
});

describe('numberedItem', () => {
  it('reads "1." and "1)" with or without a space', () => {
    expect(numberedItem('1. Spillover of Insecurity')).toEqual({
      number: 1,
      title: 'Spillover of Insecurity',
    });
    expect(numberedItem('12) Ports')).toEqual({ number: 12, title: 'Ports' });
    expect(numberedItem('3.Tolls')).toEqual({ number: 3, title: 'Tolls' });
    expect(numberedItem('4 . Spaced ')).toEqual({ number: 4, title: 'Spaced' });
  });

  it('is not fooled by numbers in prose', () => {
    for (const text of [
      '1990s were hard.',
      '1,344 kilometres.',
      '1.',
      '1234. Too long',
      'A. Lettered',
      '30% of it',
    ]) {
      expect(numberedItem(text), text).toBeUndefined();
    }
  });
});

describe('knownSection', () => {
  it('knows the headings in any case, with & or and, with a colon', () => {
    expect(knownSection('Profile')).toBe('summary');
    expect(knownSection('PROFILE')).toBe('summary');
    expect(knownSection('Key Interests & Priorities')).toBe('interests');
    expect(knownSection('key interests and priorities:')).toBe('interests');
    expect(knownSection('KEY INTERESTS&PRIORITIES')).toBe('interests');
    expect(knownSection('Relationships')).toBe('relationships');
    expect(knownSection('relations')).toBe('relationships');
  });

  it('does not take prose for a heading', () => {
    expect(knownSection('Profile of the region.')).toBeUndefined();
    expect(knownSection('Relationships with Kadros')).toBeUndefined();
  });
});

describe('isHeadingLike', () => {
  it('short, title-cased, no sentence punctuation', () => {
    for (const text of ['History', 'Trade and Energy', 'History of the Lake:', 'AAOs', 'Émigré Networks']) {
      expect(isHeadingLike(text), text).toBe(true);
    }
  });

  it('not sentences, lowercase words, numbered items or long lines', () => {
    for (const text of [
      'The lake guard reports.',
      'History of the lake',
      'history',
      '1. History',
      'One Two Three Four Five Six Seven Eight Nine',
      'A'.repeat(61),
      '',
    ]) {
      expect(isHeadingLike(text), text).toBe(false);
    }
  });
});

describe('small helpers', () => {
  it('isImageFileName', () => {
    expect(['Tajik.png', 'a b.JPG', 'x.jpeg', 'y.webp', 'z.gif', 'w.svg'].every(isImageFileName)).toBe(true);
    expect(['Tajik', 'dir/Tajik.png', 'Tajik.png is the flag.', 'x.pdf'].some(isImageFileName)).toBe(false);
  });

  it('isPageChrome', () => {
    expect(['top of page', 'Bottom of Page', 'TOP OF PAGE'].every(isPageChrome)).toBe(true);
    expect(['top of the page', 'back to top of page'].some(isPageChrome)).toBe(false);
  });

  it('sameCategoryName ignores case and a trailing colon', () => {
    expect(sameCategoryName('AAOs', 'AAOS:')).toBe(true);
    expect(sameCategoryName('Allies', 'Ally')).toBe(false);
  });

  it('splitLines numbers lines as editors do, for every line ending, after a BOM', () => {
    expect(splitLines('\uFEFFa\r\nb\rc\n\n\t d \t')).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'b' },
      { number: 3, text: 'c' },
      { number: 4, text: '' },
      { number: 5, text: 'd' },
    ]);
  });

  it('profile ids are slugs of the file name', () => {
    expect(profileIdFromFile('profiles/tajikistan.txt')).toBe('tajikistan');
    expect(profileIdFromFile('profiles\\Côte d’Ivoire.txt')).toBe('cote-d-ivoire');
    expect(profileIdFromFile('profiles/湖.txt')).toBe('profile');
    expect(slugify('  Brava Free Cities ')).toBe('brava-free-cities');
  });
});
