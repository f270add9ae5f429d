#!/usr/bin/env node
// The `segment-language-server` command: the segment language server, over stdio (`--stdio`, the
// default) or Node IPC (`--node-ipc`). Plain JavaScript that any Node can parse, so that an old
// Node gets a clear message instead of a syntax error from Langium's modern code.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    process.stderr.write(
        `segment-language-server: needs Node.js 22 or later, but this is Node.js ${process.versions.node}.\n` +
            "Point your editor at a newer Node, or at the repository's `npx segment-language-server --stdio`.\n",
    );
    process.exit(2);
}
const transports = ['--stdio', '--node-ipc'];
const unknown = process.argv.slice(2).filter((arg) => arg.startsWith('--') && !transports.includes(arg) && !arg.startsWith('--clientProcessId'));
if (unknown.length > 0) {
    process.stderr.write(`segment-language-server: unknown option ${unknown[0]}; use --stdio (the default) or --node-ipc.\n`);
    process.exit(2);
}
if (!process.argv.some((arg) => transports.includes(arg))) {
    process.argv.push('--stdio');
}
try {
    await import('../dist/main.js');
} catch (error) {
    const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/');
    process.stderr.write(
        notBuilt
            ? 'segment-language-server: the server is not built; run `npm run build` in the repository first.\n'
            : `segment-language-server: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
}
