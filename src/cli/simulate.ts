// `npm run -s simulate -- [--json] [--seed N] [--agents N] [--conversations N]`: simulates a day of
// routing under Parley's policy and under round robin and prints the comparison.
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { formatReport } from '../sim/format-report.ts';
import { defaultSimulation, runSimulation, type SimulationOptions } from '../sim/run-simulation.ts';
import { CliError, usageError } from './cli-error.ts';

const usage = 'usage: simulate [--json] [--seed N] [--agents N] [--conversations N]';

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, `--${name} must be a whole number`)
    .transform(Number)
    .pipe(z.number().int().min(min, `--${name} must be at least ${min}`).max(max, `--${name} must be at most ${max}`));

const optionsSchema = z.object({
  json: z.boolean().default(false),
  seed: integer('seed', 0, 2 ** 32 - 1).optional(),
  // Fewer than 10 leaves some shift without a voice desk, and calls would never be answered.
  agents: integer('agents', 10, 1000).optional(),
  conversations: integer('conversations', 1, 200_000).optional(),
});

function parseCommandLine(argv: string[]): SimulationOptions & { json: boolean } {
  let values: unknown;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { json: { type: 'boolean' }, seed: { type: 'string' }, agents: { type: 'string' }, conversations: { type: 'string' } },
    }));
  } catch (err) {
    throw usageError(`${err instanceof Error ? err.message : String(err)} (${usage})`);
  }
  const parsed = optionsSchema.safeParse(values);
  if (!parsed.success) throw usageError(parsed.error.issues[0]?.message ?? usage);
  const { json, seed, agents, conversations } = parsed.data;
  return {
    json,
    seed: seed ?? defaultSimulation.seed,
    agents: agents ?? defaultSimulation.agents,
    conversations: conversations ?? defaultSimulation.conversations,
  };
}

function main(argv: string[]): number {
  try {
    const { json, ...options } = parseCommandLine(argv);
    const report = runSimulation(options);
    process.stdout.write(json ? `${JSON.stringify(report)}\n` : formatReport(report));
    return 0;
  } catch (err) {
    const reason = (err instanceof Error ? err.message : String(err)).replace(/\s+/g, ' ').trim();
    process.stderr.write(`simulate: ${reason}\n`);
    return err instanceof CliError ? err.exitCode : 1;
  }
}

process.exitCode = main(process.argv.slice(2));
