#!/usr/bin/env node
// The command itself is built into dist/ (npm's prepare step runs after bins are linked);
// this file exists before the build, so npm can link the bin on a clean `npm ci`.
const { main } = require('../dist/cli/decidimos-audit.js');

main(process.argv.slice(2)).then((code) => (process.exitCode = code));
