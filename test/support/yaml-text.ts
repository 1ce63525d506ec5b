/** Line helpers for the inline YAML documents of the rule tables (YAML cases assert line numbers, so the text is exact). */

/** `lines`, each indented by `spaces`. */
export const indent = (lines: string[], spaces: number): string[] => lines.map((line) => `${' '.repeat(spaces)}${line}`);

/** The text of a YAML file: `lines`, each ending in a newline. */
export const yamlText = (lines: string[]): string => `${lines.join('\n')}\n`;

/** The info every inline YAML document carries unless it names its producer. */
export const INFO = 'info: { title: Example, version: 1.0.0 }';
