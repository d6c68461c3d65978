/**
 * Entry point of `npm run search` (`tsx src/main/core/cli/search-command.ts`): wires
 * `runSearchCommand` to the process. All logic lives in `run-search-command.ts`.
 */
import { runSearchCommand } from './run-search-command';

// `… | head` closes stdout early: stop quietly instead of crashing with EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await runSearchCommand(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
});
