/**
 * Finds text shown to the user that bypasses `vscode.l10n.t`: a string or template literal handed to
 * a VS Code UI call (notifications, input boxes, quick picks, progress, webview panel titles,
 * Markdown) or given to a UI property (label, description, tooltip, title...). Identifiers and calls
 * are not judged (their text comes from elsewhere: core's English, a command's title); a literal
 * with no letter once codicons (`$(plug)`) and `${...}` are left out is no text.
 */
import * as ts from 'typescript';

export interface Bypass {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly text: string;
  readonly kind: 'literal' | 'englishTitle' | 'unexported';
}

/** Calls whose every argument (message, button labels, options) is shown. */
const shownCalls = new Set([
  'showInformationMessage',
  'showWarningMessage',
  'showErrorMessage',
  'showInputBox',
  'showQuickPick',
  'withProgress',
  'setStatusBarMessage',
  'appendMarkdown',
  'appendText',
  // The project's own: withProgress with a Cancel button (src/ui/prompts.ts), a notification with Connect to AWS.
  'withCancellableProgress',
  'offerToConnect',
]);
/** Calls and constructors whose argument at this index is shown (a panel's title, a tree item's label). */
const shownArguments: ReadonlyMap<string, number> = new Map([
  ['createWebviewPanel', 1],
  ['MarkdownString', 0],
  ['TreeItem', 0],
]);
/** Properties whose value is shown, in an object literal or assigned (`item.tooltip = ...`). */
const shownProperties = new Set([
  'title',
  'prompt',
  'placeHolder',
  'placeholder',
  'label',
  'description',
  'detail',
  'tooltip',
  'validationMessage',
  'message',
  'text',
  'accessibilityInformation',
  'validateInput',
  'validate',
]);

/** Constants named for what they show: `const title = ...`, `tryAgainLabel`, `sessionTokenHint`. */
const shownVariable = /(?:^|[a-z])(?:title|Title|label|Label|hint|Hint|message|Message|prompt|Prompt|tooltip|Tooltip)s?$/;

export function findBypasses(file: string, source: string): Bypass[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Bypass[] = [];
  // A constant's text is judged where it is shown: `const copyArn = 'Copy ARN'`, then a button `copyArn`.
  const constants = new Map<string, ts.Expression>();
  const collect = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      constants.set(node.name.text, node.initializer);
    }
    ts.forEachChild(node, collect);
  };
  collect(sourceFile);
  // A function or class of this file whose parameter says it is shown (`title`, `label`): its arguments there.
  const shownParameters = new Map<string, number[]>();
  const collectFunctions = (node: ts.Node): void => {
    const declaration = ts.isClassDeclaration(node) ? node.members.find(ts.isConstructorDeclaration) : node;
    if ((ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) && node.name && declaration && ts.isFunctionLike(declaration)) {
      const names = declaration.parameters.map((parameter) => parameter.name.getText(sourceFile));
      const shown = names.flatMap((name, index) => (shownProperties.has(name) || shownVariable.test(name) ? [index] : []));
      shownParameters.set(node.name.text, shown);
    }
    ts.forEachChild(node, collectFunctions);
  };
  collectFunctions(sourceFile);
  const followed = new Set<string>();
  const report = (node: ts.Node, kind: Bypass['kind'] = 'literal'): void => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ file, line: line + 1, column: character + 1, text: node.getText(sourceFile), kind });
  };
  /** Reports the literals that `expression` shows, looking through concatenation, `?:`, `??`, arrays and options. */
  const judge = (expression: ts.Node, follow = true): void => {
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      if (isText(expression.text)) {
        report(expression);
      }
    } else if (ts.isTemplateExpression(expression)) {
      // Each `${...}` stands for a value, here a token without letters: `account ${id}` is words, `${a} · ${b}` is not.
      const literal = [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join('0');
      if (isText(literal)) {
        report(expression);
      }
      // A constant in a placeholder is a value, not text (`Copied "${line}"`); a literal there is text.
      expression.templateSpans.forEach((span) => judge(span.expression, false));
    } else if (follow && ts.isIdentifier(expression) && constants.has(expression.text) && !followed.has(expression.text)) {
      followed.add(expression.text);
      judge(constants.get(expression.text) as ts.Expression);
    } else if (isEnglishTitle(expression)) {
      report(expression, 'englishTitle');
    } else if (ts.isParenthesizedExpression(expression) || ts.isAsExpression(expression) || ts.isSatisfiesExpression(expression)) {
      judge(expression.expression);
    } else if (ts.isConditionalExpression(expression)) {
      judge(expression.whenTrue, follow);
      judge(expression.whenFalse, follow);
    } else if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      // Judged as one text, as a template is: 'AWS: ' + name + ' failed'.
      const parts = concatenated(expression);
      const literal = parts.map((part) => (ts.isStringLiteralLike(part) ? part.text : '0')).join('');
      if (parts.some((part) => ts.isStringLiteralLike(part)) && isText(literal)) {
        report(expression);
      } else {
        parts.forEach((part) => judge(part, follow));
      }
    } else if (ts.isBinaryExpression(expression) && isJoining(expression.operatorToken.kind)) {
      judge(expression.left, follow);
      judge(expression.right, follow);
    } else if (ts.isArrayLiteralExpression(expression)) {
      expression.elements.forEach((element) => judge(element));
    } else if (ts.isSpreadElement(expression)) {
      judge(expression.expression);
    } else if (ts.isObjectLiteralExpression(expression)) {
      // Options ({ title, prompt, ... }) and items ({ label, description }): their shown properties.
      for (const property of expression.properties) {
        if (ts.isPropertyAssignment(property) && shownProperties.has(property.name.getText(sourceFile))) {
          judge(property.initializer);
        }
      }
    } else if (ts.isArrowFunction(expression) && !ts.isBlock(expression.body)) {
      // validateInput: (value) => (ok ? undefined : 'A reason'), and the items' .map(() => ({ label })).
      judge(expression.body);
    }
  };
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      const [message] = (node as ts.CallExpression).arguments;
      if (message && !ts.isStringLiteral(message) && !ts.isNoSubstitutionTemplateLiteral(message)) {
        report(message, 'unexported');
      }
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const name = calleeName(node.expression);
      const index = name === undefined ? undefined : shownArguments.get(name);
      if (name !== undefined && shownCalls.has(name)) {
        node.arguments?.forEach((argument) => judge(argument));
      } else if (index !== undefined && node.arguments?.[index]) {
        judge(node.arguments[index]);
      } else if (name !== undefined && ts.isIdentifier(node.expression) && shownParameters.has(name)) {
        shownParameters.get(name)?.forEach((shown) => node.arguments?.[shown] && judge(node.arguments[shown]));
      } else if (node.expression.kind === ts.SyntaxKind.SuperKeyword && extendsTreeItem(node) && node.arguments?.[0]) {
        judge(node.arguments[0]);
      }
    } else if (ts.isPropertyAssignment(node) && shownProperties.has(node.name.getText(sourceFile))) {
      judge(node.initializer);
    } else if (
      (ts.isVariableDeclaration(node) || ts.isParameter(node)) &&
      node.initializer &&
      shownVariable.test(node.name.getText(sourceFile))
    ) {
      // `const fateLabels = { delete: 'Rotate and Delete Old Key' }`: every value is a label.
      const values = ts.isObjectLiteralExpression(node.initializer)
        ? node.initializer.properties.flatMap((property) => (ts.isPropertyAssignment(property) ? [property.initializer] : []))
        : [node.initializer];
      values.forEach((value) => judge(value));
    } else if (
      ts.isBinaryExpression(node) &&
      node.operatorToken.kind === ts.SyntaxKind.EqualsToken &&
      ts.isPropertyAccessExpression(node.left) &&
      // `item.name = ...`: a status bar item's name (in an object literal, `name` is too often an id).
      (shownProperties.has(node.left.name.text) || node.left.name.text === 'name')
    ) {
      judge(node.right);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  // A literal reached twice (an option object inside a shown call) is one bypass.
  return found.filter((bypass, index) => found.findIndex((other) => other.line === bypass.line && other.column === bypass.column) === index);
}

/**
 * Every text in a pure module (src/core) that is not the message of `l10n.t`: there, any words may reach
 * the user (a problem, an error, a hover), so each must be localised or listed, with why, as not shown.
 * Never text: a comparison's operand, a `case` label, a literal type, a property name, and a log line
 * (`log.info(...)`, `this.log.warn(...)`), which stays English as VS Code's own logs do.
 */
export function findCoreTexts(file: string, source: string): Bypass[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: Bypass[] = [];
  const report = (node: ts.Node, kind: Bypass['kind']): void => {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    found.push({ file, line: line + 1, column: character + 1, text: node.getText(sourceFile), kind });
  };
  const visit = (node: ts.Node): void => {
    if (isL10nCall(node)) {
      const [message, ...values] = (node as ts.CallExpression).arguments;
      if (message && !ts.isStringLiteral(message) && !ts.isNoSubstitutionTemplateLiteral(message)) {
        report(message, 'unexported');
      }
      values.forEach(visit);
      return;
    }
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isLiteralTypeNode(node) || ts.isCaseClause(node)) {
      node.forEachChild((child) => (ts.isCaseClause(node) && child === node.expression ? undefined : visit(child)));
      return;
    }
    if ((ts.isBinaryExpression(node) && isComparison(node.operatorToken.kind)) || isLogCall(node)) {
      return;
    }
    const text = ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
      ? node.text
      : ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join('0')
        : undefined;
    const parent = node.parent as ts.Node | undefined;
    const isName = parent !== undefined && ((ts.isPropertyAssignment(parent) && parent.name === node) || ts.isElementAccessExpression(parent));
    if (text !== undefined && !isName && isText(text)) {
      report(node, 'literal');
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isLogCall(node: ts.Node): boolean {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) {
    return false;
  }
  const { expression: owner, name } = node.expression;
  return ['trace', 'debug', 'info', 'warn', 'error'].includes(name.text) && calleeName(owner) === 'log';
}

function isComparison(operator: ts.SyntaxKind): boolean {
  return [
    ts.SyntaxKind.EqualsEqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsEqualsToken,
    ts.SyntaxKind.EqualsEqualsToken,
    ts.SyntaxKind.ExclamationEqualsToken,
  ].includes(operator);
}

/** What to tell whoever wrote a bypass: the fix, and how the bundle follows it. */
export function describeBypass({ file, line, column, text, kind }: Bypass): string {
  const where = `${file}:${line}:${column}: ${text}`;
  const exportIt = 'then run `npx @vscode/l10n-dev export --outDir ./l10n ./src` to update l10n/bundle.l10n.json.';
  switch (kind) {
    case 'literal':
      return (
        `${where} is shown to the user without vscode.l10n.t. Write it as vscode.l10n.t('Text with {0}', value) ` +
        `(placeholders, never concatenation), ${exportIt}`
      );
    case 'englishTitle':
      return `${where} is a command title in English. Write commandTitle('name') (src/ui/commandTitles.ts), the title in VS Code's language.`;
    case 'unexported':
      return `${where} is not one string literal, so the l10n export cannot find it. Write the whole message as one literal, ${exportIt}`;
  }
}

/**
 * Text: letters in more than one token, or one capitalised word ("Connect"). Not text: a single lower-case or mixed token (an id such
 * as `awsCredentialManager.connect`, a context key, `default`, a file name, an example key).
 */
function isText(literal: string): boolean {
  const words = literal.replace(/\$\([\w~-]+\)/g, ' ').trim();
  return /\p{L}/u.test(words) && (/\s/.test(words) || /^\p{Lu}\p{Ll}+\p{P}?$/u.test(words));
}

/** `commandTitles.connect`: manifest.ts's English, where the user's language is wanted. */
function isEnglishTitle(expression: ts.Node): boolean {
  return (
    (ts.isPropertyAccessExpression(expression) || ts.isElementAccessExpression(expression)) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'commandTitles'
  );
}

function isJoining(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken;
}

function concatenated(expression: ts.Expression): ts.Expression[] {
  return ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.PlusToken
    ? [...concatenated(expression.left), ...concatenated(expression.right)]
    : [expression];
}

function calleeName(callee: ts.Expression): string | undefined {
  if (ts.isIdentifier(callee)) {
    return callee.text;
  }
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** `vscode.l10n.t(...)` or `l10n.t(...)`: the one way in, whose arguments are the English source. */
function isL10nCall(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 't' &&
    calleeName(node.expression.expression) === 'l10n'
  );
}

function extendsTreeItem(node: ts.Node): boolean {
  let current: ts.Node | undefined = node;
  while (current && !ts.isClassLike(current)) {
    current = current.parent;
  }
  const heritage = current?.heritageClauses?.flatMap((clause) => clause.types.map((type) => type.expression.getText())) ?? [];
  return heritage.some((name) => name.endsWith('TreeItem'));
}
