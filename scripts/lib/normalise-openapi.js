// Normalises an OpenAPI document downloaded from a running server so that the committed copy
// depends on the code alone: the server's own address (should any description mention it) is
// replaced by http://localhost:5000, and the JSON is written with two-space indentation and a
// final newline. The server writes paths and components in the order of the code, so nothing is
// sorted. Usage: node normalise-openapi.js <document.json> <server-url>  (writes to stdout)
'use strict';
const fs = require('fs');

const [file, serverUrl] = process.argv.slice(2);
let text = fs.readFileSync(file, 'utf8');
if (serverUrl) {
  text = text.split(serverUrl).join('http://localhost:5000');
}
const document = JSON.parse(text);
if (typeof document.openapi !== 'string' || typeof document.paths !== 'object') {
  throw new Error(file + ' is not an OpenAPI document');
}
process.stdout.write(JSON.stringify(document, null, 2) + '\n');
