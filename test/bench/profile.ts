// `npm run bench:profile -- FILE.cpuprofile`: self time per package and the top functions of a
// CPU profile (node --cpu-prof, as `npm run bench -- --cpu-prof DIR` writes for the workers).
import { readFile } from 'node:fs/promises';
import { selfTimeByPackage, type ProfileNode } from './support/profile-packages.ts';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run bench:profile -- FILE.cpuprofile\n');
  process.exit(2);
}
const profile = JSON.parse(await readFile(file, 'utf8')) as { nodes: ProfileNode[] };
const { packages, functions } = selfTimeByPackage(profile.nodes);
process.stdout.write('self time by package\n');
for (const [name, pct] of packages.slice(0, 15)) process.stdout.write(`${pct.toFixed(1).padStart(6)}%  ${name}\n`);
process.stdout.write('\ntop functions (self time)\n');
for (const [name, pct] of functions.slice(0, 20)) process.stdout.write(`${pct.toFixed(1).padStart(6)}%  ${name}\n`);
