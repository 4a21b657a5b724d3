/**
 * incomplete-citation — a source note that lacks a field a reader needs to find the source
 * (`citation.requiredFields`; by default a title, a date and a locator).
 * Bad:  `8 A. Rivera, “Who Pays for the Grid?” Energy Forum, <https://…>.` (no date).
 * Good: `4 A. Rivera, “Who Pays for the Grid?” Energy Forum, July 21, 2023, <https://…>.`
 * A title is quoted, italic, or the title of an author-date reference; a date is a year at least (a journal's
 * volume and issue number date it too); a locator is a URL, a DOI, or pages or a volume (a journal article or
 * a book chapter found on the shelf). See-notes are exempt: their source is the note they point to.
 * The fields come from citation.ts, the same parser the hover shows.
 */
import { CitationFields, parseCitation } from '../citation';
import { CitationField } from '../config';
import { Rule } from './rule';

const HAS: Record<CitationField, (c: CitationFields) => boolean> = {
  author: (c) => c.author !== null,
  title: (c) => c.title !== null,
  outlet: (c) => c.outlet !== null,
  date: (c) => c.year !== null || (c.volume !== null && c.issue !== null),
  locator: (c) => c.url !== null || c.doi !== null || c.pages !== null || c.volume !== null,
};

const MISSING: Record<CitationField, string> = {
  author: 'an author',
  title: 'a title (in quotes or italics)',
  outlet: 'an outlet (publisher, newspaper, journal or institution)',
  date: 'a date (a year at least)',
  locator: 'a locator (a URL, a DOI, or volume and pages)',
};

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export const incompleteCitation: Rule = {
  code: 'incomplete-citation',
  description: 'A source note lacks a title, a date or a locator (URL, DOI, volume/pages); the fields are configurable.',
  defaultSeverity: 'information',
  fixable: false,
  check(model, config, memory) {
    const required = config.citation.requiredFields;
    if (!required.length) return [];
    const citationOf = memory ? memory.remember(parseCitation) : parseCitation;
    return model.endnotes
      .filter((note) => !note.seeNote)
      .flatMap((note) => {
        const citation = citationOf(note.text);
        const missing = required.filter((field) => !HAS[field](citation));
        if (!missing.length) return [];
        return [{ range: { start: note.range.start, end: note.numberRange.end }, message: `Note ${note.label} lacks ${list(missing.map((f) => MISSING[f]))}: a reader needs ${missing.length > 1 ? 'them' : 'it'} to find the source.` }];
      });
  },
};
