// Writes the copy of the OpenAPI document that Portman reads (scripts/generate-clients.sh): the
// committed document, except that a request body whose schema is `oneOf: [{type: "null"}, X]`
// (a nullable body parameter: the body may be left out or be JSON null) is described by X alone.
// openapi-to-postman writes such a body as the placeholder "<null>", which is not JSON, and Portman
// 1.33 parses a request's body before it applies an overwrite or a fuzzing variation, so it crashed
// on those operations ("<null>" is not valid JSON): they could be given no example body and were
// left out of fuzzing. Only request bodies change: the contract tests still check every answer
// against the document as published.
// Usage: node portman-openapi.js <document.json>  (writes to stdout)
'use strict';
const fs = require('fs');

const [file] = process.argv.slice(2);
const document = JSON.parse(fs.readFileSync(file, 'utf8'));
const isNull = (schema) => schema && schema.type === 'null' && Object.keys(schema).length === 1;

for (const operations of Object.values(document.paths || {})) {
  for (const operation of Object.values(operations)) {
    const content = operation && operation.requestBody && operation.requestBody.content;
    for (const media of Object.values(content || {})) {
      const alternatives = media.schema && Object.keys(media.schema).length === 1 && media.schema.oneOf;
      if (Array.isArray(alternatives) && alternatives.length === 2 && alternatives.some(isNull)) {
        media.schema = alternatives.find((schema) => !isNull(schema));
      }
    }
  }
}
process.stdout.write(JSON.stringify(document, null, 2) + '\n');
