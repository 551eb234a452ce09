#!/usr/bin/env node
// Committed, unlike dist/: npm links a workspace's bin at install, before `prepare` builds dist/.
const { main } = require('../dist/cli/decidimos-audit.js');

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
