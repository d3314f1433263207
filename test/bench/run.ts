/**
 * Benchmarks, printed as figures and ratios (never asserted: these machines are noisy).
 * Run with `npm run bench`.
 */
import { benchTransport } from './transport.bench';

const results = [await benchTransport()];
for (const lines of results) process.stdout.write(`${lines.join('\n')}\n\n`);
