/**
 * The two shared files. What a section header means differs between them (see `ini/syntax`), so
 * code that reads or edits a file says which one it is. No Node here: the webview's checks use it.
 */
export type FileRole = 'config' | 'credentials';

export const fileRoles: readonly FileRole[] = ['config', 'credentials'];

/** The order an edit of both files renames them in; its journal lives beside the first (see profiles/transaction). */
export const renameOrder: readonly FileRole[] = ['credentials', 'config'];
