// The command line of `npm run bench`: which scenarios, at which size, how many runs, what output.
import { type ProcessMode } from './process-mode.ts';

export const scenarioNames = ['ingest', 'smtp', 'inbox', 'routing', 'reports'] as const;
export type ScenarioName = (typeof scenarioNames)[number];

export interface BenchArgs {
  json: boolean;
  /** Every scenario at a tenth of its size. */
  quick: boolean;
  runs: number;
  scenarios: ScenarioName[];
  /** Write a CPU profile of the workers process (node --cpu-prof) during ingest into this directory. */
  cpuProfDir: string | null;
  /** How many worker processes the ingest scenarios (ingest, smtp) start; each setting is run and reported. */
  workers: number[];
  /** How Parley's processes run: built (`node dist/src/main.js`, the default) or through tsx. */
  mode: ProcessMode;
  /** The same as cpuProfDir for the API process (the webhook edge), into its own directory. */
  cpuProfApiDir: string | null;
  /** Extra node flags for the worker processes (`--worker-flags "--max-semi-space-size=8"`), to try V8 settings without editing code. */
  workerNodeFlags: string[];
  /** The same for the API process. */
  apiNodeFlags: string[];
  /** WORKERS_NICE for the ingest scenarios' worker processes (`--workers-nice N`, 0-19); unset, Parley's default. */
  workersNice?: number;
}

export const usage = `usage: npm run bench -- [--quick] [--json] [--runs N] [--only ingest,smtp,inbox,routing,reports] [--cpu-prof DIR] [--cpu-prof-api DIR] [--workers 1,2] [--build | --tsx] [--worker-flags "FLAGS"] [--api-flags "FLAGS"] [--workers-nice N]`;

export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { json: false, quick: false, runs: 3, scenarios: [...scenarioNames], cpuProfDir: null, cpuProfApiDir: null, workers: [1], mode: 'production', workerNodeFlags: [], apiNodeFlags: [] };
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
    else if (arg === '--workers') {
      const counts = value().split(',').map((s) => Number(s.trim()));
      if (counts.some((n) => !Number.isInteger(n) || n < 1 || n > 16)) throw new Error(`--workers takes whole numbers from 1 to 16, comma-separated\n${usage}`);
      args.workers = [...new Set(counts)];
    } else if (arg === '--build') args.mode = 'production';
    else if (arg === '--tsx') args.mode = 'tsx';
    else if (arg === '--cpu-prof-api') args.cpuProfApiDir = value();
    // Their value starts with -- itself, so it is taken as it comes.
    else if (arg === '--worker-flags') args.workerNodeFlags = nodeFlags(arg, argv[++i]);
    else if (arg === '--api-flags') args.apiNodeFlags = nodeFlags(arg, argv[++i]);
    else if (arg === '--workers-nice') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 19) throw new Error(`--workers-nice takes a niceness from 0 to 19\n${usage}`);
      args.workersNice = n;
    }
    else throw new Error(`unknown argument ${arg}\n${usage}`);
  }
  return args;
}

/** Node flags given as one argument, split at spaces; each must be a flag (`--x` or `--x=y`), so a typo cannot become the entry file. */
function nodeFlags(arg: string, text: string | undefined): string[] {
  const flags = (text ?? '').split(/\s+/).filter(Boolean);
  for (const f of flags) if (!/^--[a-z0-9-]+(=\S+)?$/i.test(f)) throw new Error(`${arg}: "${f}" is not a node flag (--name or --name=value)\n${usage}`);
  if (flags.length === 0) throw new Error(`${arg} needs at least one node flag\n${usage}`);
  return flags;
}
