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
