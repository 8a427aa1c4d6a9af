// How CLI entry points report failure: one readable line naming the file and
// line, no stack trace for input errors (a stack only helps for our own bugs).
import { InputErrors, UserError } from './types.ts';

export { formatLocation } from './types.ts';

export function runCli(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    // One line per problem, each findable on its own (file:line first).
    if (e instanceof InputErrors) process.stderr.write(e.errors.map((x) => `error: ${x.message}\n`).join('') + `${e.errors.length} problems: fix them all, then run again.\n`);
    else if (e instanceof UserError) process.stderr.write(`error: ${e.message}\n`);
    else if (e instanceof Error && !process.env.DEBUG) process.stderr.write(`error: ${e.message}\n(set DEBUG=1 for the stack)\n`);
    else process.stderr.write(`error: ${e instanceof Error ? e.stack : String(e)}\n`);
    process.exitCode = 1;
  });
}
