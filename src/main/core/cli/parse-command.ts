/**
 * Entry point of `npm run parse` (`tsx src/main/core/cli/parse-command.ts`): wires
 * `runParseCommand` to the process. All logic lives in `run-parse-command.ts`.
 */
import { runParseCommand } from './run-parse-command';

// `… | head` closes stdout early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runParseCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
