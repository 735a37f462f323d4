/**
 * The two shared files. What a section header means differs between them (see `ini/syntax`), so
 * code that reads or edits a file says which one it is. No Node here: the webview's checks use it.
 */
export type FileRole = 'config' | 'credentials';
