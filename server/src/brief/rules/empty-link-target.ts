/**
 * empty-link-target — a Markdown link whose target is empty or only `#`.
 * Bad:  `[a third of its imports](#)` — the source was lost on the way.
 * Good: `[a third of its imports](https://…)`, or a footnote citing the source.
 * No automatic fix: only the writer knows the source.
 */
import { Rule } from './rule';

export const emptyLinkTarget: Rule = {
  code: 'empty-link-target',
  description: 'A link has an empty target such as (#) or ().',
  defaultSeverity: 'warning',
  fixable: false,
  check(model) {
    return model.links
      .filter((link) => link.target.trim() === '' || link.target.trim() === '#')
      .map((link) => ({
        range: link.range,
        message: `Link “${link.text}” has no target (${link.target.trim() === '#' ? '“#”' : 'empty'}): add the source's URL, or cite it in a footnote.`,
      }));
  },
};
