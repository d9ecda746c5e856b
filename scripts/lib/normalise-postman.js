// Writes the Postman collection Portman generated, made byte-stable, and the environment that
// goes with it, into a folder (clients/postman):
//   mercato.postman_collection.json   without the random ids Postman tools give every item, and
//                                     with the random example values of disabled (optional)
//                                     headers and query parameters blanked;
//   mercato.postman_environment.json  baseUrl, adminEmail and adminPassword for a local server.
// Usage: node normalise-postman.js <portman-output.json> <folder>
'use strict';
const fs = require('fs');
const path = require('path');

const [file, folder] = process.argv.slice(2);
const collection = JSON.parse(fs.readFileSync(file, 'utf8'));

function clean(node) {
  if (Array.isArray(node)) {
    node.forEach(clean);
    return;
  }
  if (node === null || typeof node !== 'object') {
    return;
  }
  delete node.id;
  delete node._postman_id;
  delete node.postman_id;
  if (node.disabled === true && 'key' in node && 'value' in node) {
    node.value = '';
  }
  Object.values(node).forEach(clean);
}

clean(collection);
const environment = {
  name: 'Mercato (local embedded server)',
  values: [
    { key: 'baseUrl', value: 'http://localhost:5000', type: 'default', enabled: true },
    { key: 'adminEmail', value: 'admin@mercato.local', type: 'default', enabled: true },
    { key: 'adminPassword', value: '', type: 'secret', enabled: true },
  ],
  _postman_variable_scope: 'environment',
};
const write = (name, value) => fs.writeFileSync(path.join(folder, name), JSON.stringify(value, null, 2) + '\n');
write('mercato.postman_collection.json', collection);
write('mercato.postman_environment.json', environment);
