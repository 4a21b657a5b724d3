/**
 * Navigation over LSP: hover, definition, references, document highlight, document
 * and workspace symbols, folding ranges and document links. Each handler takes the
 * analysis of the document's current version, asks the core, and converts types.
 */
import {
  DocumentHighlight,
  DocumentHighlightKind,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  Location,
  LocationLink,
  MarkupKind,
  SymbolKind,
  WorkspaceSymbol,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BriefModel } from '../brief';
import { definitionAt } from '../brief/features/definition';
import { foldingRanges } from '../brief/features/folding';
import { hoverAt } from '../brief/features/hover';
import { documentLinks } from '../brief/features/links';
import { highlightsAt, referenceRanges } from '../brief/features/references';
import { BriefSymbol, BriefSymbolKind, documentSymbols, workspaceSymbols } from '../brief/features/symbols';
import { HandlerGroup, ServerContext } from './context';

/** Headings are String, as in VS Code's own Markdown outline; a note is a Key, the number markers cite it by. */
const SYMBOL_KIND: Record<BriefSymbolKind, SymbolKind> = { section: SymbolKind.String, note: SymbolKind.Key };

function toDocumentSymbol(symbol: BriefSymbol): DocumentSymbol {
  return {
    name: symbol.name,
    ...(symbol.detail ? { detail: symbol.detail } : {}),
    kind: SYMBOL_KIND[symbol.kind],
    range: symbol.range,
    selectionRange: symbol.selectionRange,
    // Optional in LSP: a brief's outline is mostly notes, and each empty list is more JSON to write and read.
    ...(symbol.children.length ? { children: symbol.children.map(toDocumentSymbol) } : {}),
  };
}

/** Per model, like the symbols themselves: the outline, breadcrumbs and sticky scroll each ask for them. */
const lspSymbols = new WeakMap<BriefModel, DocumentSymbol[]>();

function documentSymbolsOf(model: BriefModel): DocumentSymbol[] {
  let symbols = lspSymbols.get(model);
  if (!symbols) lspSymbols.set(model, (symbols = documentSymbols(model).map(toDocumentSymbol)));
  return symbols;
}

/** The model of the document's current version, or null when it is closed or not checked as a brief. */
async function modelFor(context: ServerContext, uriOrDocument: string | TextDocument): Promise<BriefModel | null> {
  const document = typeof uriOrDocument === 'string' ? context.documents.get(uriOrDocument) : uriOrDocument;
  return document ? ((await context.analysisFor(document))?.model ?? null) : null;
}

export const navigation: HandlerGroup = {
  capabilities: {
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    documentSymbolProvider: { label: 'Policy Brief' },
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    documentLinkProvider: { resolveProvider: false },
  },
  register(context) {
    const { connection } = context;

    connection.onHover(async ({ textDocument, position }): Promise<Hover | null> => {
      const model = await modelFor(context, textDocument.uri);
      const hover = model && hoverAt(model, position);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: hover.range } : null;
    });

    // A LocationLink lets the editor underline the whole marker or "See footnote N" and show the whole note; older clients get the note's number.
    connection.onDefinition(async ({ textDocument, position }): Promise<Location[] | LocationLink[] | null> => {
      const model = await modelFor(context, textDocument.uri);
      if (!model) return null;
      const targets = definitionAt(model, position);
      if (context.clientCapabilities().textDocument?.definition?.linkSupport) {
        return targets.map((t) => LocationLink.create(textDocument.uri, t.range, t.selectionRange, t.origin));
      }
      return targets.map((t) => Location.create(textDocument.uri, t.selectionRange));
    });

    connection.onReferences(async ({ textDocument, position, context: request }): Promise<Location[] | null> => {
      const model = await modelFor(context, textDocument.uri);
      return model && referenceRanges(model, position, request.includeDeclaration).map((range) => Location.create(textDocument.uri, range));
    });

    connection.onDocumentHighlight(async ({ textDocument, position }): Promise<DocumentHighlight[] | null> => {
      const model = await modelFor(context, textDocument.uri);
      return (
        model &&
        highlightsAt(model, position).map((h) => DocumentHighlight.create(h.range, h.kind === 'write' ? DocumentHighlightKind.Write : DocumentHighlightKind.Read))
      );
    });

    connection.onDocumentSymbol(async ({ textDocument }): Promise<DocumentSymbol[] | null> => {
      const model = await modelFor(context, textDocument.uri);
      return model && documentSymbolsOf(model);
    });

    connection.onWorkspaceSymbol(async ({ query }): Promise<WorkspaceSymbol[]> => {
      const found: WorkspaceSymbol[] = [];
      for (const document of context.documents.all()) {
        const model = await modelFor(context, document);
        if (!model) continue;
        for (const symbol of workspaceSymbols(model, query)) {
          found.push({
            name: symbol.name,
            kind: SYMBOL_KIND[symbol.kind],
            ...(symbol.container ? { containerName: symbol.container } : {}),
            location: Location.create(document.uri, symbol.range),
          });
        }
      }
      return found;
    });

    connection.onFoldingRanges(async ({ textDocument }): Promise<FoldingRange[] | null> => {
      const model = await modelFor(context, textDocument.uri);
      return model && foldingRanges(model).map((fold) => FoldingRange.create(fold.startLine, fold.endLine));
    });

    connection.onDocumentLinks(async ({ textDocument }): Promise<DocumentLink[] | null> => {
      const model = await modelFor(context, textDocument.uri);
      return model && documentLinks(model).map((link) => DocumentLink.create(link.range, link.target));
    });
  },
};

