// Command-line arguments of the CLIs: --help before anything else (so it works
// whatever else is on the line), and argument mistakes as plain user errors that
// point at --help instead of a stack trace.
import { parseArgs } from 'node:util';
import { UserError } from './types.ts';

/** Prints `usage` and ends the process successfully when --help or -h is among the options. */
export function answerHelp(usage: string, argv: string[] = process.argv.slice(2)): void {
  const end = argv.indexOf('--');
  const options = end === -1 ? argv : argv.slice(0, end);
  if (options.includes('--help') || options.includes('-h')) {
    process.stdout.write(usage.endsWith('\n') ? usage : `${usage}\n`);
    process.exit(0);
  }
}

type ParseArgsConfig = NonNullable<Parameters<typeof parseArgs>[0]>;

/** parseArgs, with its errors (unknown option, missing value) turned into one line that names `helpCommand`. */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, helpCommand: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
    // Node's message goes on to explain `--`, which only confuses here.
    const first = (e as Error).message.split('. ')[0]!.replace(/\.$/, '');
    throw new UserError(`${first.charAt(0).toLowerCase()}${first.slice(1)} (\`${helpCommand}\` lists the options)`);
  }
}

/** A count given on the command line: a whole number of 1 or more, or a message saying so. */
export function positiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]*$/.test(value)) throw new UserError(`${flag} must be a whole number of 1 or more (got ${JSON.stringify(value)})`);
  return Number(value);
}
