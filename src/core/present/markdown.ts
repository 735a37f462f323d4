/** Text shown literally inside Markdown (tooltips): names and messages may hold `*`, `_`, `[`... */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
