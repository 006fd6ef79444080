// The parley command line's entry point: runs `runParley` over this process's arguments and
// streams, and exits with its code.
import { runParley } from './run-parley.ts';

process.exitCode = await runParley(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env });
