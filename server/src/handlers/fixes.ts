/**
 * Quick fixes, fix-all, the renumber and insert-footnote commands, and rename on
 * note numbers. Every edit is computed in brief/fixes; this file only finds the
 * document, calls the core and wraps the result in LSP types. The command ids and
 * their result type are in ../workspaceProtocol.ts, shared with the client.
 */
import { CodeAction, CodeActionKind, Diagnostic, ErrorCodes, Position, ResponseError, WorkspaceEdit } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BriefModel, detectFormat, parseBrief } from '../brief';
import { Draft, TextEdit, draftOf } from '../brief/fixes/edits';
import { fixAll } from '../brief/fixes/fixall';
import { insertFootnote } from '../brief/fixes/insert';
import { Fix, citeFixes, fixesFor } from '../brief/fixes/quickfix';
import { renameAt, renameTargetAt } from '../brief/fixes/rename';
import { renumber } from '../brief/fixes/renumber';
import { CommandResult, INSERT_FOOTNOTE_COMMAND, RENUMBER_COMMAND } from '../workspaceProtocol';
import { HandlerGroup, ServerContext } from './context';

export const FIX_ALL_KIND = 'source.fixAll.policyBrief';

function workspaceEdit(uri: string, edits: TextEdit[]): WorkspaceEdit {
  return { changes: { [uri]: edits } };
}

function codeAction(uri: string, fix: Fix, kind: string, diagnostics: Diagnostic[]): CodeAction {
  return {
    title: fix.title,
    kind,
    ...(diagnostics.length ? { diagnostics } : {}),
    ...(fix.preferred ? { isPreferred: true } : {}),
    ...(fix.disabled ? { disabled: { reason: fix.disabled } } : { edit: workspaceEdit(uri, fix.edits) }),
  };
}

/** Whether a requested `only` list admits a kind (`source.fixAll` admits `source.fixAll.policyBrief`). */
function admits(only: string[] | undefined, kind: string, byDefault: boolean): boolean {
  if (!only) return byDefault;
  return only.some((wanted) => kind === wanted || kind.startsWith(`${wanted}.`));
}

export const fixes: HandlerGroup = {
  capabilities: {
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    executeCommandProvider: { commands: [RENUMBER_COMMAND, INSERT_FOOTNOTE_COMMAND] },
    renameProvider: { prepareProvider: true },
  },
  register(context: ServerContext) {
    const { connection, documents } = context;

    /** The document's model: the checked one, or — for commands the writer invoked on a file detection skipped — a fresh parse. */
    async function draftFor(document: TextDocument): Promise<Draft> {
      const analysis = await context.analysisFor(document);
      const text = document.getText();
      const model: BriefModel = analysis?.model ?? parseBrief(text, document.languageId === 'markdown' ? 'markdown' : detectFormat(text, document.uri));
      return draftOf(text, model);
    }

    connection.onCodeAction(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return [];
      const analysis = await context.analysisFor(document);
      if (!analysis) return [];
      const config = await context.settingsFor(document.uri);
      const draft = draftOf(document.getText(), analysis.model);
      const uri = document.uri;
      const actions: CodeAction[] = [];
      const only = params.context.only;
      if (admits(only, CodeActionKind.QuickFix, true)) {
        for (const diagnostic of params.context.diagnostics) {
          if (diagnostic.source !== 'policy-brief' || typeof diagnostic.code !== 'string') continue;
          const ref = { code: diagnostic.code, range: diagnostic.range, message: diagnostic.message };
          for (const fix of fixesFor(draft, ref, config)) actions.push(codeAction(uri, fix, CodeActionKind.QuickFix, [diagnostic]));
        }
        const uncited = analysis.diagnostics.filter((d) => d.code === 'unreferenced-endnote');
        for (const fix of citeFixes(draft, uncited, params.range.end)) actions.push(codeAction(uri, fix, CodeActionKind.QuickFix, []));
      }
      // Fix-all re-checks the brief after each kind of fix: computed only when asked for (on save, or from the Source Action menu).
      if (admits(only, FIX_ALL_KIND, false)) {
        const edits = fixAll(draft, config, context.parseReuseFork(uri));
        if (edits.length) actions.push({ title: 'Fix all safely fixable Policy Brief problems', kind: FIX_ALL_KIND, edit: workspaceEdit(uri, edits) });
      }
      return actions;
    });

    connection.onExecuteCommand(async (params): Promise<CommandResult> => {
      const arg = (params.arguments?.[0] ?? {}) as { uri?: string; position?: Position };
      const document = arg.uri ? documents.get(arg.uri) : undefined;
      if (!document) return { message: 'Open the brief in the editor first.', refused: true };
      const draft = await draftFor(document);
      if (params.command === RENUMBER_COMMAND) {
        const result = renumber(draft);
        if (!result.ok) return { message: result.reason, refused: true };
        if (!result.edits.length) return { message: 'The footnotes are already numbered in order of first appearance.' };
        return { edit: workspaceEdit(document.uri, result.edits), version: document.version };
      }
      if (params.command === INSERT_FOOTNOTE_COMMAND) {
        if (!arg.position) return { message: 'Insert Footnote needs a cursor position.', refused: true };
        const result = insertFootnote(draft, arg.position);
        if (!result.ok) return { message: result.reason, refused: true };
        return { edit: workspaceEdit(document.uri, result.edits), version: document.version, selection: result.selection };
      }
      throw new ResponseError(ErrorCodes.MethodNotFound, `Unknown command ${params.command}`);
    });

    connection.onPrepareRename(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const target = renameTargetAt((await draftFor(document)).model, params.position);
      if (!target) throw new ResponseError(ErrorCodes.InvalidRequest, 'Only footnote numbers can be renamed here: place the cursor on a marker, a note’s number or the number in “See footnote N”.');
      return { range: target.range, placeholder: String(target.number) };
    });

    connection.onRenameRequest(async (params) => {
      const document = documents.get(params.textDocument.uri);
      if (!document) return null;
      const result = renameAt(await draftFor(document), params.position, params.newName);
      if (!result.ok) throw new ResponseError(ErrorCodes.InvalidRequest, result.reason);
      return workspaceEdit(document.uri, result.edits);
    });
  },
};
