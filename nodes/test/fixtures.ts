/** The texts of nodes/test/fixtures/*.segment, by file name (loaded by the test runner, Vite). */
const texts: Record<string, string> = import.meta.glob('./fixtures/*.segment', { query: '?raw', import: 'default', eager: true });

/** The text of a fixture of nodes/test/fixtures/ (`customer.segment`...). */
export function fixture(name: string): string {
    const text = texts[`./fixtures/${name}`];
    if (text === undefined) throw new Error(`no fixture ${name}`);
    return text;
}
