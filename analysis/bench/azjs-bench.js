// Az.js (npm "az", pymorphy2's approach over OpenCorpora) on the same text as MorphologyBenchmark:
// bench-ru.txt repeated, cut to 16,005 word/number tokens. Lemma + POS of the most probable parse
// per word, single thread, warm (3 warm-up passes, then 5 measured passes).
// Usage: cd analysis/bench && npm install && node azjs-bench.js
'use strict';
const fs = require('fs');
const path = require('path');
const Az = require('az');

const TOKENS = 16005;
const base = fs.readFileSync(path.join(__dirname, '../src/jmh/resources/bench-ru.txt'), 'utf8');
// Same word definition as the Java tokenizer: letters/digits with inner hyphens and apostrophes.
const wordRe = /[\p{L}\p{N}]+(?:[-'’.,][\p{L}\p{N}]+)*/gu;
let words = [];
while (words.length < TOKENS) {
  words = words.concat(base.match(wordRe));
}
words = words.slice(0, TOKENS);

const t0 = process.hrtime.bigint();
Az.Morph.init(path.join(__dirname, 'node_modules/az/dicts'), (err) => {
  if (err) throw err;
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
  let sink = 0;
  function pass() {
    const start = process.hrtime.bigint();
    for (const w of words) {
      const parses = Az.Morph(w.toLowerCase());
      if (parses.length) {
        const p = parses[0];
        const lemma = p.normalize().word;
        sink += lemma.length + (p.tag.POS ? 1 : 0);
      }
    }
    return Number(process.hrtime.bigint() - start) / 1e9;
  }
  for (let i = 0; i < 3; i++) pass();
  const rates = [];
  for (let i = 0; i < 5; i++) rates.push(TOKENS / pass());
  rates.sort((a, b) => a - b);
  const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
  console.log(JSON.stringify({
    tool: 'az ' + require('az/package.json').version,
    node: process.version,
    tokens: TOKENS,
    dictionaryLoadMs: Math.round(loadMs),
    tokensPerSecondMean: Math.round(mean),
    tokensPerSecondMin: Math.round(rates[0]),
    tokensPerSecondMax: Math.round(rates[rates.length - 1]),
    heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
    checksum: sink,
  }));
});
