/**
 * A form made of input boxes and quick picks, one after another, with "Step 2 of 4" in the title
 * and a back button that returns to the previous step with its answer kept.
 */
import * as vscode from 'vscode';
import { CancelledError, isCancellation } from '../core/errors';

/** The back button: not an error the user sees, only how a step says "go to the one before". */
class Back extends Error {}

export interface InputStep {
  readonly title: string;
  readonly step: number;
  readonly totalSteps: number;
}

export interface TextOptions extends InputStep {
  readonly prompt: string;
  readonly value?: string | undefined;
  readonly placeholder?: string;
  readonly password?: boolean;
  /** Checked as the user types: a message refuses the value, undefined accepts it. */
  readonly validate: (value: string) => string | undefined;
}

export interface PickOptions<T extends vscode.QuickPickItem> extends InputStep {
  readonly placeholder: string;
  readonly items: readonly T[];
  readonly active?: T | undefined;
}

/** A step shows one input and returns the next step, or undefined when the form is complete. */
export type Step = (input: MultiStepInput) => Promise<Step | undefined>;

export class MultiStepInput {
  private readonly history: Step[] = [];

  /** Runs the steps from `first`; throws a CancelledError when the user closes an input. */
  static async run(first: Step): Promise<void> {
    const input = new MultiStepInput();
    let step: Step | undefined = first;
    while (step) {
      input.history.push(step);
      try {
        step = await step(input);
      } catch (error) {
        if (!(error instanceof Back)) {
          throw error;
        }
        input.history.pop();
        step = input.history.pop();
      }
    }
  }

  private get canGoBack(): boolean {
    return this.history.length > 1;
  }

  showText(options: TextOptions): Promise<string> {
    const box = vscode.window.createInputBox();
    box.title = options.title;
    box.step = options.step;
    box.totalSteps = options.totalSteps;
    box.prompt = options.prompt;
    box.value = options.value ?? '';
    box.placeholder = options.placeholder;
    box.password = options.password ?? false;
    box.ignoreFocusOut = true;
    box.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    const check = (): string | undefined => {
      const message = box.value === '' ? undefined : options.validate(box.value);
      box.validationMessage = message;
      return message;
    };
    check();
    return this.show(box, (accept) => [
      box.onDidChangeValue(() => void check()),
      box.onDidAccept(() => {
        const message = options.validate(box.value);
        box.validationMessage = message;
        if (message === undefined) {
          accept(box.value);
        }
      }),
    ]);
  }

  showPick<T extends vscode.QuickPickItem>(options: PickOptions<T>): Promise<T> {
    const pick = vscode.window.createQuickPick<T>();
    pick.title = options.title;
    pick.step = options.step;
    pick.totalSteps = options.totalSteps;
    pick.placeholder = options.placeholder;
    pick.items = options.items;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    if (options.active) {
      pick.activeItems = [options.active];
    }
    pick.buttons = this.canGoBack ? [vscode.QuickInputButtons.Back] : [];
    return this.show(pick, (accept) => [
      pick.onDidAccept(() => {
        const [chosen] = pick.selectedItems;
        if (chosen) {
          accept(chosen);
        }
      }),
    ]);
  }

  private show<R>(
    input: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem>,
    listen: (accept: (value: R) => void) => vscode.Disposable[],
  ): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      let settled = false;
      const disposables = [
        ...listen((value) => {
          settled = true;
          resolve(value);
          input.hide();
        }),
        input.onDidTriggerButton((button) => {
          if (button === vscode.QuickInputButtons.Back) {
            settled = true;
            reject(new Back());
            input.hide();
          }
        }),
        input.onDidHide(() => {
          for (const disposable of disposables) {
            disposable.dispose();
          }
          input.dispose();
          if (!settled) {
            reject(new CancelledError());
          }
        }),
      ];
      input.show();
    });
  }
}

/** Runs a form; false when the user closed it (Escape, or a click elsewhere). */
export async function runSteps(first: Step): Promise<boolean> {
  try {
    await MultiStepInput.run(first);
    return true;
  } catch (error) {
    if (isCancellation(error)) {
      return false;
    }
    throw error;
  }
}
