// The command line of `npm run bench`: which scenarios, at which size, how many runs, what output.
export const scenarioNames = ['ingest', 'inbox', 'routing'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export interface BenchArgs {
  json: boolean;
  /** Every scenario at a tenth of its size. */
  quick: boolean;
  runs: number;
  scenarios: ScenarioName[];
  /** Write a CPU profile of the workers process (node --cpu-prof) during ingest into this directory. */
  cpuProfDir: string | null;
  /** The same for the API process (the webhook edge), into its own directory. */
  cpuProfApiDir: string | null;
}

export const usage = `usage: npm run bench -- [--quick] [--json] [--runs N] [--only ingest,inbox,routing] [--cpu-prof DIR] [--cpu-prof-api DIR]`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { json: false, quick: false, runs: 3, scenarios: [...scenarioNames], cpuProfDir: null, cpuProfApiDir: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value\n${usage}`);
      return v;
    };
    if (arg === '--json') args.json = true;
    else if (arg === '--quick') args.quick = true;
    else if (arg === '--runs') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new Error(`--runs must be a positive whole number\n${usage}`);
      args.runs = n;
    } else if (arg === '--only') {
      const names = value().split(',').map((s) => s.trim()).filter(Boolean);
      for (const n of names) if (!(scenarioNames as readonly string[]).includes(n)) throw new Error(`unknown scenario ${n} (known: ${scenarioNames.join(', ')})\n${usage}`);
      if (names.length === 0) throw new Error(`--only needs at least one scenario\n${usage}`);
      args.scenarios = names as ScenarioName[];
    } else if (arg === '--cpu-prof') args.cpuProfDir = value();
    else if (arg === '--cpu-prof-api') args.cpuProfApiDir = value();
    else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  return args;
}
