#!/usr/bin/env node
// The `segment` command. This file is plain JavaScript that any Node can parse, so that an old
// Node gets a clear message instead of a syntax error from Langium's modern code.
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    process.stderr.write(
        `segment: needs Node.js 22 or later, but this is Node.js ${process.versions.node}.\n` +
            'From the repository, run it as `npx segment ...` (or `npm run segment -- ...`): ' +
            "that uses the project's Node 24 from node_modules/.bin.\n",
    );
    process.exit(2);
}
try {
    await import('../dist/main.js');
} catch (error) {
    const notBuilt = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('/dist/');
    process.stderr.write(
        notBuilt
            ? 'segment: the command is not built; run `npm run build` in the repository first.\n'
            : `segment: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(2);
}
