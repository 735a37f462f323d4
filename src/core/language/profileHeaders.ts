/** The header of each profile in a file, once per profile: where the editor offers Connect and Test. */
import type { SharedFile } from '../profiles/read';

export interface ProfileHeader {
  readonly name: string;
  /** 0-based. */
  readonly line: number;
}

/** The first section the SDK reads for each profile of the file, in file order. */
export function profileHeaders(file: SharedFile): ProfileHeader[] {
  const headers: ProfileHeader[] = [];
  for (const [name, { first }] of file.index.profile) {
    headers.push({ name, line: first.index });
  }
  return headers.sort((a, b) => a.line - b.line);
}
