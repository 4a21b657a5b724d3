/**
 * Synthetic policy briefs for the benchmark and the incremental property test.
 * Deterministic: the same seed and size always give the same text, so runs on
 * different days and machines measure the same input. The words are generated,
 * never taken from a real brief.
 *
 * Shape (both formats): title, byline, Executive Summary, numbered body sections
 * with subsections, Recommendations, Endnotes. About one marker per 1000 bytes of
 * body (the real plain-text draft has one per 850); a sixth of the notes are "See footnote N" or "Ibid.", most carry a URL.
 * A few defects every ~100 notes, so that every rule has work: a marker citing a
 * note lost from the Endnotes, a note cited by nobody, a see-note chain, a repeated
 * source, a URL split across a blank line, an unrenderable glyph, an empty link
 * target and an empty section.
 * With `markup`, Markdown prose also carries what real drafts use and the checker's
 * line reader leaves to the Markdown parser: emphasis and code spans (some opening a
 * line), links with titles, bulleted lists, block quotes and tables.
 */

export type BenchFormat = 'markdown' | 'plaintext';

/** mulberry32: small, fast, and good enough to vary synthetic prose. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ca', 'ter', 'mi', 'no', 'val', 'sen', 'ra', 'lo', 'dis', 'pa', 'tor', 'en', 'ri', 'gu', 'mon', 'sta', 'le', 'vi', 'an', 'cor'];
const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function superscript(n: number): string {
  return String(n).replace(/\d/g, (d) => SUPERSCRIPT[Number(d)]);
}

class Writer {
  readonly lines: string[] = [];
  private bytes = 0;
  constructor(readonly next: () => number) {}
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  word(): string {
    const count = 1 + this.int(3);
    let w = '';
    for (let i = 0; i < count; i++) w += SYLLABLES[this.int(SYLLABLES.length)];
    return w;
  }
  words(n: number): string {
    const out: string[] = [];
    for (let i = 0; i < n; i++) out.push(this.word());
    return out.join(' ');
  }
  capitalised(n: number): string {
    const text = this.words(n);
    return text[0].toUpperCase() + text.slice(1);
  }
  push(...lines: string[]): void {
    for (const line of lines) {
      this.lines.push(line);
      this.bytes += Buffer.byteLength(line) + 1;
    }
  }
  get size(): number {
    return this.bytes;
  }
}

interface NotePlan {
  number: number;
  kind: 'source' | 'see' | 'ibid' | 'repeat';
  /** For see-notes: the note pointed at; for repeats: the note whose source is copied. */
  target: number;
  url: boolean;
  split: boolean;
  cited: boolean;
  /** False for a note lost from the Endnotes: its marker is an orphan and the numbering has a gap. */
  written: boolean;
}

export interface BriefOptions {
  /** Markdown only: inline and block markup in the body (see above). Off, the brief is the same text as without options. */
  markup?: boolean;
}

/** Builds a brief of roughly `targetBytes` UTF-8 bytes. */
export function generateBrief(format: BenchFormat, targetBytes: number, seed = 7, options: BriefOptions = {}): string {
  const w = new Writer(random(seed));
  const md = format === 'markdown';
  const markup = md && options.markup === true;
  // Markdown notes: GFM footnote definitions, or (even seeds) a numbered list; one blank line apart either way.
  const mdNumbered = md && seed % 2 === 0;
  const bodyBudget = targetBytes * 0.86;
  const notes: NotePlan[] = [];
  const sources = new Map<number, string>();

  const markerFor = (n: number): string => {
    if (!md) return superscript(n);
    const style = n % 3;
    return style === 0 ? `[^${n}]` : style === 1 ? `<sup>${n}</sup>` : superscript(n);
  };

  const emphasis = (): string => {
    const words = w.words(1 + w.int(3));
    const kind = w.int(4);
    return kind === 0 ? `**${words}**` : kind === 1 ? `*${words}*` : kind === 2 ? `_${words}_` : `\`${words}\``;
  };

  const sentence = (): string => {
    let text = `${w.capitalised(6 + w.int(14))}`;
    if (markup) {
      const roll = w.int(6);
      if (roll === 0) text = `${emphasis()} ${text.toLowerCase()}`;
      else if (roll < 3) text += ` ${emphasis()} ${w.words(1 + w.int(4))}`;
      if (w.int(12) === 0) text += ` [${w.words(2)}](https://www.${w.word()}.org/${w.word()} "${w.capitalised(3)}")`;
    }
    if (md && w.int(14) === 0) text += ` [${w.words(2)}](https://www.${w.word()}.org/${w.word()})`;
    if (md && w.int(220) === 0) text += ` [${w.words(2)}](#)`;
    if (!md && w.int(400) === 0) text += ' □';
    return `${text}.`;
  };

  const paragraph = (): string => {
    const parts: string[] = [];
    const count = 3 + w.int(4);
    for (let i = 0; i < count; i++) {
      let s = sentence();
      if (w.int(7) === 0) {
        const number = notes.length + 1;
        const kindRoll = w.int(12);
        const defect = number % 97;
        const plan: NotePlan = {
          number,
          kind: number > 3 && kindRoll === 0 ? 'ibid' : number > 3 && kindRoll === 1 ? 'see' : defect === 41 ? 'repeat' : 'source',
          target: number > 3 ? 1 + w.int(number - 2) : 1,
          url: w.int(6) !== 0,
          split: defect === 13,
          cited: defect !== 71,
          // Plain-text notes past 999 must follow on without gaps to be told from wrapped lines (parse/scan.ts), so lost notes stay below that.
          written: defect !== 53 || number >= 1000,
        };
        if (defect === 29 && number > 5) plan.kind = 'see';
        notes.push(plan);
        if (plan.cited) s = s.slice(0, -1) + '.' + markerFor(number);
      }
      parts.push(s);
    }
    return parts.join(' ');
  };

  const blank = () => w.push('');

  /** A list, a quotation or a table, now and then, after a subsection's paragraphs. */
  const blocks = () => {
    const roll = w.int(4);
    if (roll === 0) {
      for (let i = 0; i < 3 + w.int(3); i++) w.push(`- **${w.capitalised(2)}.** ${sentence()}`);
      blank();
    } else if (roll === 1) {
      w.push(`> ${sentence()}`, `> ${sentence()}`, '');
    } else if (roll === 2 && w.int(2) === 0) {
      w.push(`| ${w.capitalised(1)} | ${w.capitalised(1)} | ${w.capitalised(1)} |`, '| --- | ---: | --- |');
      for (let i = 0; i < 2 + w.int(4); i++) w.push(`| ${w.words(2)} | ${w.int(1000)} | ${emphasis()} |`);
      blank();
    }
  };
  const heading = (level: number, title: string) => (md ? w.push(`${'#'.repeat(level)} ${title}`) : w.push(level === 1 ? title.toUpperCase() : title));

  if (md) {
    w.push(`# ${w.capitalised(7)}`, '', `**${w.capitalised(2)}**`, '');
  } else {
    w.push(`${w.capitalised(3)} - ${w.capitalised(2)} Policy Analysis`, '', w.capitalised(9), '', `By ${w.capitalised(2)}`, '');
  }
  heading(2, 'Executive Summary');
  blank();
  for (let i = 0; i < 3; i++) w.push(paragraph(), '');

  let section = 0;
  while (w.size < bodyBudget) {
    section++;
    heading(2, `${w.capitalised(3)} ${section}`);
    blank();
    if (section % 40 === 17) continue;
    for (let sub = 0; sub < 3 && w.size < bodyBudget; sub++) {
      if (sub > 0) {
        // Plain-text subsections are parallel headings ("… Support") so they nest.
        heading(3, md ? w.capitalised(4) : `${w.capitalised(1)} Support`);
        blank();
      }
      for (let p = 0; p < 3 + w.int(3); p++) w.push(paragraph(), '');
      if (markup) blocks();
    }
  }
  heading(2, md ? 'Implications and Recommendations' : 'Recommendations');
  blank();
  w.push(paragraph(), '');
  heading(2, 'Endnotes');
  blank();

  for (const note of notes) {
    if (!note.written) continue;
    const label = md ? (mdNumbered ? `${note.number}.` : `[^${note.number}]:`) : note.number <= 20 ? `- ${note.number}` : String(note.number);
    if (md && note !== notes[0]) blank();
    if (note.kind === 'see') {
      w.push(`${label} See footnote ${note.target}.`);
      continue;
    }
    if (note.kind === 'ibid') {
      w.push(`${label} Ibid.`);
      continue;
    }
    let source = note.kind === 'repeat' && sources.has(note.target) ? sources.get(note.target)! : `${w.capitalised(2)}, “${w.capitalised(5 + w.int(6))},” ${w.capitalised(2)}, ${1990 + w.int(35)}`;
    const url = `https://www.${w.word()}.org/${w.word()}/${w.word()}-${w.word()}-${w.int(100000)}`;
    if (note.kind !== 'repeat') sources.set(note.number, source);
    if (note.split) {
      const cut = url.length - 8;
      w.push(`${label} ${source}, <${url.slice(0, cut)}`, '', `${url.slice(cut)}>.`);
      continue;
    }
    if (note.url) source += `, <${url}>`;
    if (!md && source.length > 70 && note.number % 4 === 0) {
      const cut = source.lastIndexOf(' ', 60);
      w.push(`${label} ${source.slice(0, cut)}`, `${source.slice(cut + 1)}.`);
    } else {
      w.push(`${label} ${source}.`);
    }
  }
  return w.lines.join('\n') + '\n';
}

export const BENCH_SIZES: ReadonlyArray<{ name: string; bytes: number }> = [
  { name: '50 KB', bytes: 50_000 },
  { name: '500 KB', bytes: 500_000 },
  { name: '5 MB', bytes: 5_000_000 },
];
