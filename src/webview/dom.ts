/** What every part of the panel's script shares: its elements by id, the VS Code API, and how a field shows its error. */
import type { SavedFormState, WebviewMessage } from '../addConnection/protocol';

interface VsCodeApi {
  postMessage(message: WebviewMessage): void;
  getState(): SavedFormState | undefined;
  setState(state: SavedFormState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** The API may be acquired once per page. */
export const host = acquireVsCodeApi();

export function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) {
    throw new Error(`The panel has no #${id}`);
  }
  return found as T;
}

/** Shows (or clears) the error below a field, and marks the field invalid for screen readers. */
export function showError(field: string, message: string | undefined): void {
  const error = element(`${field}-error`);
  error.textContent = message ?? '';
  error.hidden = !message;
  element(field).setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** Fills a select with the regions, keeping its first (empty) option. */
export function addRegions(select: HTMLSelectElement, regions: readonly string[]): void {
  for (const region of regions) {
    select.add(new Option(region, region));
  }
}

/** A form checked as it is typed: a field's error shows once it holds a value, and all show on submit. */
export interface CheckedForm<Field extends string> {
  readonly form: HTMLFormElement;
  readonly fields: readonly Field[];
  input(field: Field): HTMLInputElement | HTMLSelectElement;
  /** The problems of the values as they are now. */
  errors(): Partial<Record<Field, string>>;
  /** What else follows a change, before the errors show (a field shown or hidden, a note). */
  onChange?(field: Field | undefined): void;
  /** After each change: keep the panel's state. */
  save(): void;
  /** On submit with no problem left. */
  submit(): void;
}

/** Wires a form; gives the function that checks it as typed (also to run once restored). */
export function wireCheckedForm<Field extends string>(checked: CheckedForm<Field>): () => void {
  const touched = new Set<Field>();
  const checkAsTyped = (changed?: Field): void => {
    checked.onChange?.(changed);
    const errors = checked.errors();
    for (const field of checked.fields) {
      showError(field, touched.has(field) ? errors[field] : undefined);
    }
  };
  for (const field of checked.fields) {
    const target = checked.input(field);
    // A field still empty is not wrong yet: passing through it with Tab would have a screen reader
    // announce its error, and the error would move what is below it from under the pointer.
    const touch = (): void => {
      if (target.value !== '') {
        touched.add(field);
      }
    };
    target.addEventListener('input', () => {
      touch();
      checkAsTyped(field);
      checked.save();
    });
    target.addEventListener('blur', () => {
      touch();
      checkAsTyped();
    });
  }
  checked.form.addEventListener('submit', (event) => {
    event.preventDefault();
    checked.fields.forEach((field) => touched.add(field));
    checkAsTyped();
    const errors = checked.errors();
    const first = checked.fields.find((field) => errors[field]);
    if (first) {
      checked.input(first).focus();
      return;
    }
    checked.submit();
  });
  return () => checkAsTyped();
}
