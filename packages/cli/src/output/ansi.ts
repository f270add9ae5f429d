/** ANSI styles: the codes that turn each one on and off. */
const styles = {
    bold: [1, 22],
    dim: [2, 22],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    cyan: [36, 39],
    blue: [34, 39],
} as const;

/** A style {@link paint} applies. */
export type Style = keyof typeof styles;

/** The text in the given styles when `color` is on (a terminal without `NO_COLOR`), else the text as is. */
export function paint(text: string, color: boolean, ...names: Style[]): string {
    if (!color || text === '') return text;
    return names.reduce((result, name) => `\u001b[${styles[name][0]}m${result}\u001b[${styles[name][1]}m`, text);
}
