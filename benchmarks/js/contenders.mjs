// The JavaScript caches the benchmarks compare, each built fresh for every case. ISR_BASELINE=<path
// of another isr.js> adds that build as a third contender, to measure a change before/after in one
// process (e.g. a copy of the committed isr.js and isr-core.js in /tmp/isr-before/).
import { createCache } from '../../isr-runtime/src/main/js/isr.js';
import { createNaiveIsr } from './naive-isr.mjs';

const baselinePath = process.env.ISR_BASELINE;
const baseline = baselinePath ? await import(new URL(baselinePath, `file://${process.cwd()}/`)) : null;

export const contenders = [
  { name: 'isr.js', create: () => createCache({ onError: () => {} }) },
  { name: 'seed Map (naive)', create: () => createNaiveIsr() },
  ...(baseline ? [{ name: `isr.js baseline (${baselinePath})`, create: () => baseline.createCache({ onError: () => {} }) }] : []),
];

export function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function machineLine() {
  return `node ${process.version}, ${new Date().toISOString()}`;
}
