/**
 * The texts the panel's scripts write, in VS Code's language: the host puts its bundle
 * (vscode.l10n.bundle) in the page's data-l10n, and @vscode/l10n's `t` reads it as vscode.l10n.t
 * does, so `npx @vscode/l10n-dev export` finds these texts with the host's. Imported first.
 */
import * as l10n from '@vscode/l10n';

l10n.config({ contents: JSON.parse(document.body.dataset['l10n'] ?? '{}') as Record<string, string> });
