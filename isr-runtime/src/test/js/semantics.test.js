// The shared semantic cases (src/test/resources/semantics/cases.json, also run by the Java
// tests) against isr.js and, over an in-memory Cache API, isr-cloudflare.js. The same cases run
// against the real Cache API of workerd in isr-cloudflare-workerd.test.js.
import { test, describe } from 'node:test';
import { readFileSync } from 'node:fs';
import * as inMemory from '../../main/js/isr.js';
import * as cloudflare from '../../main/js/isr-cloudflare.js';
import { cloudflareDriver, inMemoryDriver, runCase } from './semantics-runner.js';
import { MemoryCacheApi } from './memory-cache-api.js';

const { cases } = JSON.parse(readFileSync(new URL('../resources/semantics/cases.json', import.meta.url), 'utf8'));

describe('shared semantic cases: isr.js', () => {
  for (const testCase of cases) {
    test(testCase.name, () => runCase(testCase, inMemoryDriver(inMemory.createCache)));
  }
});

describe('shared semantic cases: isr-cloudflare.js over an in-memory Cache API', () => {
  for (const testCase of cases) {
    test(testCase.name, () => runCase(testCase, cloudflareDriver(cloudflare.createCache, new MemoryCacheApi())));
  }
});
