// The two JavaScript caches the benchmarks compare, each built fresh for every case.
import { createCache } from '../../isr-runtime/src/main/js/isr.js';
import { createNaiveIsr } from './naive-isr.mjs';

export const contenders = [
  { name: 'isr.js', create: () => createCache({ onError: () => {} }) },
  { name: 'seed Map (naive)', create: () => createNaiveIsr() },
];

export function median(numbers) {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function machineLine() {
  return `node ${process.version}, ${new Date().toISOString()}`;
}
