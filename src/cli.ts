// The command line: parses arguments with yargs and hands each command its
// options. Exit codes: 0 done, 1 content/template/build failed, 2 bad command line.
import yargs from 'yargs';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { importCommand } from './commands/import.js';
import { LIST_KINDS, listCommand, type ListKind } from './commands/list.js';
import { defaultContentDir } from './cli/contentDir.js';
import { EXIT_FAILED, EXIT_USAGE, err, UsageError } from './cli/io.js';

const contentOption = {
  type: 'string',
  describe: 'the content library folder (default: ./content, else the bundled library)',
  requiresArg: true,
} as const;

export async function runCli(argv: readonly string[]): Promise<number> {
  let code = 0;
  let usageFailure: string | undefined;
  const parser = yargs([...argv])
    .scriptName('preppack')
    .usage('$0 <command> [options]\n\nTurns a Product Security interview knowledge base into printable PDF packets by role level.')
    .command(
      'build',
      'build the PDF packets: out/<level>/<level>-<packet>.pdf and out/manifest.json',
      (y) =>
        y
          .option('level', { type: 'string', array: true, requiresArg: true, describe: 'levels to build (ids or aliases, or all)', default: ['all'] })
          .option('packet', { type: 'string', array: true, requiresArg: true, describe: 'packets to build: booklet, scorecard, cheatsheet (comma-separated)', default: ['all'] })
          .option('content', contentOption)
          .option('templates', { type: 'string', requiresArg: true, describe: 'a folder of templates and theme.json; missing files come from the bundled ones' })
          .option('out', { type: 'string', requiresArg: true, default: 'out', describe: 'where to write the PDFs' })
          .option('paper', { choices: ['letter', 'a4'] as const, default: 'letter' as const, describe: 'paper size' })
          .example('$0 build', 'every packet for every level, into out/')
          .example('$0 build --level director --packet booklet,cheatsheet --paper a4', 'a director study guide on A4'),
      async (args) => {
        if (usageFailure) return;
        code = await buildCommand({
          levels: (args.level ?? []).map(String),
          packets: (args.packet ?? []).map(String),
          contentDir: args.content ?? defaultContentDir(),
          templatesDir: args.templates,
          outDir: args.out,
          paper: args.paper,
        });
      },
    )
    .command(
      'check',
      'load and validate the whole content library; every problem as path:line: message',
      (y) => y.option('content', contentOption).example('$0 check --content content', 'validate the library in ./content'),
      (args) => {
        if (usageFailure) return;
        code = checkCommand(args.content ?? defaultContentDir());
      },
    )
    .command(
      'list <what>',
      'list the levels, questions, stories or competencies of the library',
      (y) =>
        y
          .positional('what', { choices: LIST_KINDS, describe: 'what to list' })
          .option('level', { type: 'string', requiresArg: true, describe: 'only this level (id or alias, e.g. vp)' })
          .option('competency', { type: 'string', requiresArg: true, describe: 'only items tagged with this competency' })
          .option('json', { type: 'boolean', default: false, describe: 'print JSON instead of a table' })
          .option('content', contentOption)
          .example('$0 list questions --level vp', 'the director questions, found by an alias')
          .example('$0 list stories --json', 'every story as JSON'),
      (args) => {
        if (usageFailure) return;
        code = listCommand({
          kind: args.what as ListKind,
          level: args.level,
          competency: args.competency,
          json: args.json,
          contentDir: args.content ?? defaultContentDir(),
        });
      },
    )
    .command(
      'import <pages..>',
      'bring knowledge-base pages (interview pack, STAR story page, Q&A page) into the content library',
      (y) =>
        y
          .positional('pages', { type: 'string', array: true, default: undefined, describe: 'exported page files' })
          .option('content', contentOption)
          .option('force', { type: 'boolean', default: false, describe: 'overwrite files that exist with other content (competency tags are kept)' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'print what would be written, write nothing' })
          .example('$0 import ../shared/seeds/*.txt --content content', 'import the knowledge-base pages into ./content'),
      (args) => {
        if (usageFailure) return;
        code = importCommand({
          pages: (args.pages ?? []).map(String),
          contentDir: args.content ?? 'content',
          force: args.force,
          dryRun: args['dry-run'],
        });
      },
    )
    .demandCommand(1, 'name a command: build, check, list or import')
    .strict()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, caught) => {
      if (caught && caught.name !== 'YError' && !(caught instanceof UsageError)) throw caught;
      usageFailure = message ?? caught?.message ?? 'wrong command line';
    });

  try {
    await parser.parseAsync();
  } catch (caught) {
    if (caught instanceof UsageError) usageFailure = caught.message;
    else {
      err(`preppack: ${(caught as Error).message}`);
      if (process.env.PREPPACK_DEBUG) err(String((caught as Error).stack));
      return EXIT_FAILED;
    }
  }
  if (usageFailure) {
    err(`preppack: ${usageFailure}`);
    err('run `preppack --help` or `preppack <command> --help` for usage');
    return EXIT_USAGE;
  }
  return code;
}
