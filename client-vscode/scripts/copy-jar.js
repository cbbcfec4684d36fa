#!/usr/bin/env node
// Copies the server jar into the extension (server/bibmark.jar) before packaging.
// Source: $BIBMARK_JAR if set, else ../target/bibmark.jar (built by `mvn package` at the repo root).
'use strict';
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const source = process.env.BIBMARK_JAR
  ? path.resolve(process.env.BIBMARK_JAR)
  : path.resolve(root, '..', 'target', 'bibmark.jar');
const target = path.join(root, 'server', 'bibmark.jar');

if (!fs.existsSync(source) || !fs.statSync(source).isFile()) {
  console.error(`error: server jar not found at ${source}`);
  console.error('Build it first from the repository root (mvn package), or point BIBMARK_JAR at a bibmark.jar.');
  process.exit(1);
}
fs.mkdirSync(path.dirname(target), { recursive: true });
fs.copyFileSync(source, target);
console.log(`copied ${source} -> ${path.relative(root, target)} (${fs.statSync(target).size} bytes)`);
