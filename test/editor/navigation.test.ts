/** Hover, go to definition and the outline, asked through VS Code's own commands, as the editor's UI asks them. */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { diagnosticsWhen, fixtureUri, openFixture, positionOf } from './wait';

type Span = [number, number, number, number];
const span = (range: vscode.Range): Span => [range.start.line, range.start.character, range.end.line, range.end.character];

function hoverText(hover: vscode.Hover): string {
  return hover.contents.map((part) => (typeof part === 'string' ? part : part.value)).join('\n');
}

describe('navigation in the editor', () => {
  let brief: vscode.TextDocument;
  before(async () => {
    brief = (await openFixture('brief.md')).document;
    // Diagnostics arrive once the server has analysed the brief, so the features below have a model to answer from.
    await diagnosticsWhen(brief.uri, (all) => all.length > 0, 'the first analysis');
  });

  it('hovers over a “See footnote” chain marker with the source it ends at and the path taken', async () => {
    const marker = positionOf(brief, '⁴');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', brief.uri, marker);
    const ours = hovers.filter((hover) => hoverText(hover).includes('**Note 4:**'));
    assert.strictEqual(ours.length, 1, JSON.stringify(hovers.map(hoverText)));
    const text = hoverText(ours[0]);
    assert.ok(text.startsWith('**Note 4:** See footnote 3\\.\n\n**Source: note 1** (4 → 3 → 1)\n\n'), text);
    assert.ok(text.includes('Town Transport Office\\, “Bus Journey Survey 2024\\,” June 2024'), text);
    assert.ok(text.includes('- URL: [https\\:\\/\\/example\\.org\\/transport\\/bus\\-survey\\-2024](https://example.org/transport/bus-survey-2024)'), text);
    assert.deepStrictEqual(span(ours[0].range!), [12, 76, 12, 77]);
    for (const part of ours[0].contents) assert.notStrictEqual((part as vscode.MarkdownString).isTrusted, true, 'hover content is not trusted');
  });

  it('goes from a marker, and from the number in “See footnote 3”, to the endnote (as links spanning the whole citation and note)', async () => {
    // VS Code declares linkSupport, so the server answers LocationLinks: [uri, note number, whole note, what was clicked].
    const definition = async (position: vscode.Position) => {
      const found = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', brief.uri, position);
      return found.map((link) => {
        assert.ok('targetUri' in link, `a LocationLink, not ${JSON.stringify(link)}`);
        return [link.targetUri.toString(), span(link.targetSelectionRange!), span(link.targetRange), span(link.originSelectionRange!)];
      });
    };
    const uri = brief.uri.toString();
    assert.deepStrictEqual(await definition(positionOf(brief, '⁵')), [[uri, [28, 0, 28, 1], [28, 0, 28, 92], [16, 46, 16, 47]]]);
    assert.deepStrictEqual(await definition(positionOf(brief, 'See footnote 3', 'See footnote '.length)), [[uri, [26, 0, 26, 1], [26, 0, 26, 18], [27, 3, 27, 17]]]);
  });

  it('outlines a plain-text draft: bare-line headings, and the Endnotes with one child per note', async () => {
    // A plain-text file, so VS Code's Markdown outline does not add its own symbols to ours.
    const draft = (await openFixture('draft.txt')).document;
    await diagnosticsWhen(fixtureUri('draft.txt'), (all) => all.length > 0, 'the first analysis');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', draft.uri);
    const tree = (list: vscode.DocumentSymbol[]): unknown[] =>
      list.map((symbol) => ({ name: symbol.name, detail: symbol.detail, kind: vscode.SymbolKind[symbol.kind], at: span(symbol.selectionRange), children: tree(symbol.children) }));
    const section = (name: string, line: number, children: unknown[] = []) => ({ name, detail: '', kind: 'String', at: [line, 0, line, name.length], children });
    const note = (name: string, detail: string, line: number) => ({ name, detail, kind: 'Key', at: [line, 0, line, 1], children: [] });
    assert.deepStrictEqual(tree(symbols), [
      section('EXECUTIVE SUMMARY', 5),
      section('Who Uses Food Banks', 9),
      section('What Drives Demand', 13),
      section('RECOMMENDATIONS', 17),
      section('Endnotes', 21, [
        note('1', 'Food Bank Network, “Annual Statistics 2024,” May 2024,…', 23),
        note('2', 'Household Finance Panel, “Working Poverty,” 2024,…', 25),
        note('3', 'See footnote 2.', 26),
        note('4', 'Office for Pensions, “Pensioner Incomes,” 2023,…', 27),
        note('5', 'Energy Watch, “Bills and Budgets,” 2024,…', 28),
      ]),
    ]);
  });
});
