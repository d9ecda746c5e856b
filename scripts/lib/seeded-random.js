// Preloaded (node --require) by scripts/generate-clients.sh when it runs Portman: replaces
// Math.random with a fixed-seed generator (mulberry32), so the example values Portman's schema
// faker picks (which of a nullable array's forms, an enum member, the keys of a free-form map)
// are the same on every run and the committed collection is byte-stable.
'use strict';
let state = 0x4d657263; // "Merc"
Math.random = function seededRandom() {
  state = (state + 0x6d2b79f5) | 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
