/**
 * A translated text worded once and filled in many times. `l10n.t` finds its placeholders with a
 * regular expression on every call, which a file with a problem on each of 100,000 lines pays
 * 100,000 times over. Worded with `slots` as its values, the translation keeps its placeholders,
 * in whatever order the language puts them, and `fill` puts the values in.
 */
export const slots = ['{0}', '{1}', '{2}', '{3}'] as const;

export type Template = (...values: readonly (string | number)[]) => string;

/** The filler of a text worded with `slots`: `template(l10n.t('line {0} ...', ...slots))`. */
export function template(worded: string): Template {
  // Split around each {n}: the texts are at even positions, the placeholders' numbers at odd ones.
  const parts = worded.split(/\{(\d+)\}/);
  return (...values) => {
    let filled = parts[0] as string;
    for (let position = 1; position < parts.length; position += 2) {
      const number = parts[position] as string;
      const value = values[Number(number)];
      filled += `${value === undefined ? `{${number}}` : value}${parts[position + 1] as string}`;
    }
    return filled;
  };
}
