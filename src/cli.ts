// The command line: parses arguments with yargs and hands each command its
// options. Exit codes: 0 done, 1 content/template/build failed, 2 bad command line.
// A command's module (and with it pdfmake, Handlebars, marked…) loads only
// when that command runs, so `--help` and `--version` answer at once.
import { defaultContentDir } from './cli/contentDir.js';
import { findConfig } from './cli/findConfig.js';
import { commandLineProblem, EXIT_FAILED, EXIT_USAGE, err, isUsageError, out, printResult, setOutputMode, UsageError } from './cli/io.js';
import { nearest } from './cli/didYouMean.js';
import type { Config } from './cli/config.js';
import type { BuildOptions } from './commands/build.js';
import { PreppackError } from './problems.js';
import { printProblems } from './cli/io.js';
import { LIST_KINDS, type ListKind } from './content/select.js';
import { parseSeed } from './loops/sheet.js';
import { MAX_FOCUS_LENGTH, MAX_NAME_LENGTH, nameProblem } from './text/names.js';
import { parseShard, type Shard } from './pipeline/shards.js';
import type { Paper } from './render/document.js';
import { TOOL_VERSION } from './version.js';

const PAPERS: readonly Paper[] = ['letter', 'a4'];

const contentOption = {
  type: 'string',
  describe: 'the content library folder (default: ./content, else the bundled library)',
  requiresArg: true,
} as const;

const levelsOption = { type: 'string', array: true, describe: 'levels to build (ids or aliases, or all) [default: all]' } as const;
const packetsOption = { type: 'string', array: true, describe: 'packets to build: booklet, scorecard, cheatsheet (comma-separated) [default: all]' } as const;
const templatesOption = { type: 'string', requiresArg: true, describe: 'a folder of templates and theme.json; missing files come from the bundled ones' } as const;
const outOption = { type: 'string', requiresArg: true, describe: 'where to write the PDFs [default: out]' } as const;
const paperOption = { type: 'string', requiresArg: true, describe: 'paper size: letter or a4 [default: letter]' } as const;
const zipOption = { type: 'boolean', default: false, describe: "also <out>/<level>.zip: the level's PDFs, a README.txt and SHA256SUMS" } as const;

/** What build and watch both take: which packets, from what, to where, on what paper. */
/** No default here: unset, the config's `tags` decides. */
const tagsOption = { type: 'boolean', describe: 'tag the PDFs for screen readers (PDF/UA-1); --no-tags writes untagged PDF 1.3 files, as before [default: true]' } as const;
const jobsOption = { type: 'string', requiresArg: true, describe: 'threads that render: 1 for one [default: the cores, for a run of a few hundred PDFs or more]' } as const;
const BUILD_INPUTS = { level: levelsOption, packet: packetsOption, content: contentOption, templates: templatesOption, out: outOption, paper: paperOption, tags: tagsOption, jobs: jobsOption } as const;

const strictOption = { type: 'boolean', default: false, describe: 'treat warnings (characters no font can print, images that cannot be shown) as errors' } as const;

/** A list option (`--level a,b` or `--level a --level b`): absent is undefined, given with no value is an error. */
function listValues(name: string, values: readonly unknown[] | undefined): string[] | undefined {
  if (values === undefined) return undefined;
  const names = values.flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--${name} needs a value`);
  return names;
}

/** A name from the command line, checked (one line of printable text, bounded); a usage error says what is wrong. */
function checkedName(option: string, value: string): string {
  const checked = nameProblem(option, value);
  if ('problem' in checked) throw new UsageError(checked.problem);
  return checked.name;
}

/** `--out ""` would write into the current folder: a folder must be named. */
function outValue(value: string, option = '--out'): string {
  if (!value.trim()) throw new UsageError(`${option} needs a folder`);
  return value;
}

function paperValue(value: string | undefined, papers: readonly Paper[] = PAPERS): Paper {
  if (value === undefined) return 'letter';
  const paper = value.trim().toLowerCase();
  if (!(papers as readonly string[]).includes(paper)) throw new UsageError(`unknown paper "${value}": the papers are ${papers.join(', ')}`);
  return paper as Paper;
}

/** `--jobs N` (or the config's `jobs:`): how many threads render; undefined lets the run decide. */
function jobsValue(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 256) throw new UsageError(`--jobs takes a whole number from 1 to 256 (threads that render), not "${value}"`);
  return Number(text);
}

function shardValue(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new UsageError(`--shard: ${shard}`);
  return shard;
}

/** The options that make a personal scoring sheet, checked as typed; undefined when none is given. */
function personalValues(args: { candidate?: string; interviewer?: string; date?: string; focus?: string; questions?: string; seed?: string }) {
  const given = [args.candidate, args.interviewer, args.date, args.focus, args.questions, args.seed].some((v) => v !== undefined);
  if (!given) return undefined;
  const text = (name: string, value: string | undefined, max = MAX_NAME_LENGTH) => {
    if (value === undefined) return undefined;
    if (!value.trim()) throw new UsageError(`--${name} needs a value`);
    const checked = nameProblem(`--${name}`, value, max);
    if ('problem' in checked) throw new UsageError(checked.problem);
    return checked.name;
  };
  let questions: number | undefined;
  if (args.questions !== undefined) {
    if (!/^-?\d+$/.test(args.questions.trim())) throw new UsageError(`--questions takes a whole number, not "${args.questions}"`);
    questions = Number(args.questions);
  }
  let seed: number | undefined;
  if (args.seed !== undefined) {
    const parsed = parseSeed(args.seed);
    if (typeof parsed === 'string') throw new UsageError(`--seed: ${parsed}`);
    seed = parsed;
  }
  return { candidate: text('candidate', args.candidate), interviewer: text('interviewer', args.interviewer), date: args.date?.trim(), focus: text('focus', args.focus, MAX_FOCUS_LENGTH), questions, seed };
}

/** Whether stderr (progress, colour) and stdout (tables) are a person's terminal: not a pipe, not a CI log. */
function terminal(): { live: boolean; colour: boolean; table: boolean } {
  const person = !process.env.CI && process.env.TERM !== 'dumb';
  const live = person && process.stderr.isTTY === true;
  return { live, colour: live && !process.env.NO_COLOR, table: person && process.stdout.isTTY === true };
}

/** What `build` (and `watch`) is asked to make, from the flags, then the config, then the defaults. */
function buildOptions(args: Record<string, unknown>, config: Config): BuildOptions {
  const text = (name: string) => args[name] as string | undefined;
  return {
    levels: listValues('level', args.level as unknown[] | undefined) ?? config.levels ?? ['all'],
    packets: listValues('packet', args.packet as unknown[] | undefined) ?? config.packets ?? ['all'],
    paper: paperValue(text('paper') ?? config.paper),
    personal: personalValues(args as Parameters<typeof personalValues>[0]),
    shard: shardValue(text('shard')),
    contentDir: text('content') ?? config.content ?? defaultContentDir(),
    templatesDir: text('templates') ?? config.templates,
    outDir: outValue(text('out') ?? config.out ?? 'out'),
    fillable: args.fillable === true,
    force: args.force === true,
    strict: args.strict === true,
    zip: args.zip === true,
    threads: jobsValue(text('jobs') ?? config.jobs),
    print: { ...printSettings(args, config) },
  };
}

/** How every PDF is printed, from the config, then `--no-tags`. */
function printSettings(args: Record<string, unknown>, config: Config) {
  return { organisation: config.organisation, evidenceLines: config.evidenceLines, ratingLabels: config.ratingLabels, ...tagging(args, config) };
}

/** Tagged for screen readers unless `--no-tags` or the config's `tags: false`; in the config's language. */
function tagging(args: Record<string, unknown>, config: Config): { tagged: boolean; language?: string } {
  return { tagged: args.tags === false ? false : (config.tags ?? true), ...(config.language ? { language: config.language } : {}) };
}

/** A mistake in the config file: its lines are printed as they are, and the exit is 2. */
class ConfigProblems extends PreppackError {}

/** The project's config (`--config FILE` or the one found), read when a command runs (yaml and zod load only then). */
async function configOf(named: string | undefined): Promise<Config> {
  const path = named ?? findConfig();
  if (path === undefined) return {};
  const { loadConfig } = await import('./cli/config.js');
  try {
    const config = loadConfig(path);
    // The config's fallback fonts come before the installed ones, for everything this run prints.
    if (config.fonts?.length) (await import('./fonts/fontChain.js')).useFallbackFonts(config.fonts);
    return config;
  } catch (caught) {
    if (caught instanceof PreppackError) throw new ConfigProblems(caught.problems);
    throw caught;
  }
}

/** The commands, for "did you mean". */
const COMMANDS = ['build', 'watch', 'panel', 'collect', 'render', 'check', 'list', 'import', 'init', 'templates', 'manifest', 'completion'];

/** yargs's "Unknown argument(s): a, b" with the nearest known command or option for each. */
function withSuggestions(message: string, argv: readonly string[], options: readonly string[]): string {
  const choice = /Given: "([^"]*)", Choices: ((?:"[^"]*"(?:, )?)+)/.exec(message);
  if (choice) {
    const guess = nearest(choice[1]!, [...choice[2]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!));
    return guess ? `${message}\npreppack: "${choice[1]}": did you mean ${guess}?` : message;
  }
  const unknown = /^Unknown arguments?: (.+)$/.exec(message)?.[1];
  if (!unknown) return message;
  const hints = unknown.split(', ').flatMap((name) => {
    const isCommand = argv[0] === name;
    const guess = isCommand ? nearest(name, COMMANDS) : nearest(name.replace(/^-+/, ''), options);
    return guess ? [isCommand ? `"${name}": did you mean \`preppack ${guess}\`?` : `--${name.replace(/^-+/, '')}: did you mean --${guess}?`] : [];
  });
  return hints.length ? `${message}\n${hints.map((hint) => `preppack: ${hint}`).join('\n')}` : message;
}

const COMPLETION_HELP = `preppack completion

print a shell completion script for bash or zsh, for the commands and options

Examples:
  preppack completion >> ~/.bashrc    complete preppack's commands in bash
  preppack completion >> ~/.zshrc     and in zsh`;

export async function runCli(argv: readonly string[]): Promise<number> {
  // The answer to --version needs nothing loaded (yargs alone takes longer than Node's start).
  if (argv.length === 1 && argv[0] === '--version') {
    out(TOOL_VERSION);
    return 0;
  }
  // yargs prints the script for `completion --help`: help is what was asked for.
  if (argv[0] === 'completion' && argv.slice(1).some((arg) => arg === '--help' || arg === '-h')) {
    out(COMPLETION_HELP);
    return 0;
  }
  const { default: yargs } = await import('yargs');
  // Set before parsing, so that a wrong command line is answered in the same mode.
  setOutputMode({ json: argv.includes('--json'), quiet: argv.includes('--quiet') || argv.includes('-q'), ...terminal() });
  const command = argv.find((arg) => !arg.startsWith('-'));
  const code = await parseAndRun(yargs, argv);
  printResult(command === 'manifest' ? 'manifest merge' : command === 'templates' ? 'templates eject' : (command ?? ''), code);
  return code;
}

async function parseAndRun(yargs: typeof import('yargs').default, argv: readonly string[]): Promise<number> {
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
          .options(BUILD_INPUTS)
          .option('candidate', { type: 'string', requiresArg: true, describe: "a scoring sheet with the candidate's name: out/<level>/<name>-scorecard.pdf" })
          .option('interviewer', { type: 'string', requiresArg: true, describe: "the interviewer's name on the sheet" })
          .option('date', { type: 'string', requiresArg: true, describe: 'the interview date on the sheet, YYYY-MM-DD' })
          .option('focus', { type: 'string', requiresArg: true, describe: 'the focus written on the sheet' })
          .option('questions', { type: 'string', requiresArg: true, describe: 'ask N of the level\'s questions, spread across its competencies' })
          .option('seed', { type: 'string', requiresArg: true, describe: 'the seed that picks the --questions set (default 1): the same seed, the same questions' })
          .option('fillable', { type: 'boolean', default: false, describe: 'scoring sheets with form fields to fill in on screen' })
          .option('force', { type: 'boolean', default: false, describe: 'render every PDF, even those whose inputs have not changed since the last build' })
          .option('strict', strictOption)
          .option('zip', zipOption)
          .option('shard', { type: 'string', requiresArg: true, describe: 'build share K of N of the jobs (e.g. 2/3), for a CI matrix; join them with `manifest merge`' })
          .example('$0 build', 'every packet for every level, into out/')
          .example('$0 build --zip --shard 2/3', 'the second of three shares, each level zipped')
          .example('$0 build --level director --packet booklet,cheatsheet --paper a4', 'a director study guide on A4')
          .example('$0 build --level manager --packet scorecard --candidate "Alex Doe" --interviewer Sam --date 2026-12-01 --questions 6 --seed 7', "Sam's sheet for Alex Doe: six questions"),
      async (args) => {
        if (usageFailure) return;
        const options = buildOptions(args, await configOf(args.config as string | undefined));
        const { buildCommand } = await import('./commands/build.js');
        code = await buildCommand(options);
      },
    )
    .command(
      'watch',
      'build, then build again what a change to the content, templates, fonts or config touches, until Ctrl-C',
      (y) =>
        y
          .options(BUILD_INPUTS)
          .option('zip', zipOption)
          .example('$0 watch --level staff', "rebuild the staff packets on every save"),
      async (args) => {
        if (usageFailure) return;
        const named = args.config as string | undefined;
        const options = buildOptions(args, await configOf(named));
        const { watchCommand } = await import('./commands/watch.js');
        code = await watchCommand({ ...options, configPath: named ?? findConfig() });
      },
    )
    .command(
      'panel',
      "an interview loop: a scoring sheet per interviewer, the panel plan and the debrief sheet, in out/panels/<candidate>/",
      (y) =>
        y
          .option('level', { type: 'string', requiresArg: true, describe: 'the level the candidate interviews for (id or alias)' })
          .option('candidate', { type: 'string', requiresArg: true, describe: "the candidate's name" })
          .option('interviewers', { type: 'string', array: true, describe: 'the interviewers, comma-separated' })
          .option('questions-per-interviewer', { type: 'string', requiresArg: true, describe: 'questions each interviewer asks [default: enough to cover every competency]' })
          .option('seed', { type: 'string', requiresArg: true, describe: 'the seed that picks the questions (default 1): the same seed, the same sheets' })
          .option('date', { type: 'string', requiresArg: true, describe: 'the interview date, YYYY-MM-DD' })
          .option('roster', { type: 'string', requiresArg: true, describe: 'many loops at once: a YAML or CSV file, one row per candidate (see examples/)' })
          .option('content', contentOption)
          .option('templates', templatesOption)
          .option('out', outOption)
          .option('paper', paperOption)
          .option('fillable', { type: 'boolean', default: false, describe: 'scoring sheets with form fields to fill in on screen' })
          .option('tags', tagsOption)
          .option('strict', strictOption)
          .option('jobs', jobsOption)
          .example('$0 panel --level manager --candidate "Alex Doe" --interviewers "Sam,Kai,Ria" --seed 7', 'three sheets, a plan and a debrief sheet for Alex Doe')
          .example('$0 panel --roster examples/loops.yaml', 'every loop of a roster in one run'),
      async (args) => {
        if (usageFailure) return;
        const single = ['level', 'candidate', 'interviewers', 'questions-per-interviewer', 'seed', 'date'].filter((name) => args[name] !== undefined);
        if (args.roster !== undefined && single.length) throw new UsageError(`--roster gives every loop's details: drop ${single.map((n) => `--${n}`).join(', ')}`);
        const perInterviewer = args['questions-per-interviewer'];
        if (perInterviewer !== undefined && !/^-?\d+$/.test(perInterviewer.trim())) throw new UsageError(`--questions-per-interviewer takes a whole number, not "${perInterviewer}"`);
        const seed = args.seed === undefined ? undefined : parseSeed(args.seed);
        if (typeof seed === 'string') throw new UsageError(`--seed: ${seed}`);
        const config = await configOf(args.config as string | undefined);
        const options = {
          contentDir: args.content ?? config.content ?? defaultContentDir(),
          templatesDir: args.templates ?? config.templates,
          outDir: outValue(args.out ?? config.out ?? 'out'),
          paper: paperValue(args.paper ?? config.paper),
          print: printSettings(args, config),
          roster: args.roster,
          level: args.level,
          candidate: args.candidate === undefined ? undefined : checkedName('--candidate', args.candidate),
          interviewers: listValues('interviewers', args.interviewers)?.map((name) => checkedName('--interviewers', name)),
          perInterviewer: perInterviewer === undefined ? undefined : Number(perInterviewer),
          seed,
          date: args.date,
          fillable: args.fillable,
          strict: args.strict,
          threads: jobsValue(args.jobs ?? config.jobs),
        };
        const { panelCommand } = await import('./commands/panel.js');
        code = await panelCommand(options);
      },
    )
    .command(
      'render <files..>',
      'any Markdown file as a PDF in the house style, with the layout directives: <out>/<file>.pdf',
      (y) =>
        y
          .positional('files', { type: 'string', array: true, describe: 'Markdown files' })
          .option('out', outOption)
          .option('paper', { type: 'string', requiresArg: true, describe: 'paper size: letter, a4 or a5 [default: letter]' })
          .option('toc', { type: 'boolean', default: false, describe: 'start with a table of contents' })
          .option('tags', tagsOption)
          .option('strict', strictOption)
          .option('jobs', jobsOption)
          .option('templates', { type: 'string', requiresArg: true, describe: 'a folder with a theme.json to use instead of the bundled one' })
          .example('$0 render notes.md --paper a5', 'out/notes.pdf on A5')
          .example('$0 render guides/*.md --toc --out print', 'one PDF per guide, each with contents'),
      async (args) => {
        if (usageFailure) return;
        const config = await configOf(args.config as string | undefined);
        const options = {
          files: (args.files ?? []).map(String),
          outDir: outValue(args.out ?? config.out ?? 'out'),
          paper: paperValue(args.paper ?? config.paper, [...PAPERS, 'a5']),
          toc: args.toc,
          templatesDir: args.templates ?? config.templates,
          strict: args.strict,
          tagging: tagging(args, config),
          threads: jobsValue(args.jobs ?? config.jobs),
        };
        const { renderCommand } = await import('./commands/render.js');
        code = await renderCommand(options);
      },
    )
    .command(
      'collect <paths..>',
      "a loop's filled scoring sheets read back: debrief-summary.pdf, ratings.csv and ratings.json next to them",
      (y) =>
        y
          .positional('paths', { type: 'string', array: true, describe: 'folders of loops (out/panels/<candidate>, or all of out/panels) or filled sheets' })
          .option('paper', { type: 'string', requiresArg: true, describe: 'paper size of the summary: letter or a4 [default: letter]' })
          .option('templates', { type: 'string', requiresArg: true, describe: 'a folder of templates and theme.json; missing files come from the bundled ones' })
          .option('tags', tagsOption)
          .example('$0 collect out/panels/alex-doe', "Alex Doe's loop: the summary and ratings beside the sheets")
          .example('$0 collect out/panels --json', 'every loop of a roster, as JSON on stdout'),
      async (args) => {
        if (usageFailure) return;
        const config = await configOf(args.config as string | undefined);
        const epoch = process.env.SOURCE_DATE_EPOCH;
        const { collectCommand } = await import('./commands/collect.js');
        code = await collectCommand({
          paths: (args.paths ?? []).map(String),
          paper: paperValue(args.paper ?? config.paper),
          templatesDir: args.templates ?? config.templates,
          json: args.json === true,
          tagging: tagging(args, config),
          creationDate: epoch && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date(),
        });
      },
    )
    .command(
      'check',
      'load and validate the whole content library; every problem as path:line: message',
      (y) => y.option('content', contentOption).option('strict', strictOption).example('$0 check --content content', 'validate the library in ./content'),
      async (args) => {
        if (usageFailure) return;
        const { checkCommand } = await import('./commands/check.js');
        code = checkCommand(args.content ?? (await configOf(args.config as string | undefined)).content ?? defaultContentDir(), args.strict);
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
          .option('content', contentOption)
          .example('$0 list questions --level vp', 'the director questions, found by an alias')
          .example('$0 list stories --json', 'every story as JSON'),
      async (args) => {
        if (usageFailure) return;
        const { listCommand } = await import('./commands/list.js');
        code = listCommand({
          kind: args.what as ListKind,
          level: args.level,
          competency: args.competency,
          json: args.json === true,
          contentDir: args.content ?? (await configOf(args.config as string | undefined)).content ?? defaultContentDir(),
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
          .example('$0 import sources/*.txt --content content', 'import the knowledge-base pages into ./content'),
      async (args) => {
        if (usageFailure) return;
        const { importCommand } = await import('./commands/import.js');
        code = await importCommand({
          pages: (args.pages ?? []).map(String),
          contentDir: args.content ?? (await configOf(args.config as string | undefined)).content ?? 'content',
          force: args.force,
          dryRun: args['dry-run'],
        });
      },
    )
    .command(
      'init [dir]',
      'a starter content library (two competencies, one level, one question, one story) that checks and builds',
      (y) => y.positional('dir', { type: 'string', default: 'content', describe: 'the folder to create' }).example('$0 init kb', 'a starter library in ./kb'),
      async (args) => {
        if (usageFailure) return;
        const { initCommand } = await import('./commands/init.js');
        code = await initCommand(outValue(args.dir ?? 'content', 'init'));
      },
    )
    .command('templates', 'the bundled templates: `templates eject [DIR]` copies them to customise', (y) =>
      y
        .command(
          'eject [dir]',
          'copy the bundled templates and theme.json into a folder, to customise and use with --templates',
          (z) => z.positional('dir', { type: 'string', default: 'templates', describe: 'the folder to copy them into' }).example('$0 templates eject print-style', 'then: preppack build --templates print-style'),
          async (args) => {
            if (usageFailure) return;
            const { ejectTemplatesCommand } = await import('./commands/init.js');
            code = await ejectTemplatesCommand(outValue(args.dir ?? 'templates', 'templates eject'));
          },
        )
        .demandCommand(1, 'name what to do: templates eject [DIR]')
        .example('$0 templates eject print-style', 'copy the templates to change them; build with --templates print-style'),
    )
    .command('manifest', 'manifests of sharded builds: `manifest merge DIR… --out FILE` joins them', (y) =>
      y
        .command(
          'merge <inputs..>',
          "join the manifests of a sharded build (`build --shard K/N`) into one, as a single build writes it",
          (z) =>
            z
              .positional('inputs', { type: 'string', array: true, describe: "the shards' output folders or manifest files" })
              .option('out', { type: 'string', requiresArg: true, demandOption: true, describe: 'the manifest file to write' })
              .example('$0 manifest merge shard-1 shard-2 shard-3 --out out/manifest.json', 'the manifest of the whole build'),
          async (args) => {
            if (usageFailure) return;
            const { manifestMergeCommand } = await import('./commands/manifest.js');
            code = await manifestMergeCommand({ inputs: (args.inputs ?? []).map(String), out: outValue(args.out) });
          },
        )
        .demandCommand(1, 'name what to do: manifest merge DIR… --out FILE')
        .example('$0 manifest merge shard-1 shard-2 --out out/manifest.json', 'join the shards of a CI matrix'),
    )
    .completion('completion', 'print a shell completion script for bash or zsh: preppack completion >> ~/.bashrc')
    .option('json', { type: 'boolean', global: true, describe: 'stdout is one JSON document (list: the items); errors and warnings stay on stderr' })
    .option('quiet', { alias: 'q', type: 'boolean', global: true, describe: 'print only errors' })
    .option('config', { type: 'string', requiresArg: true, global: true, describe: 'the project config file [default: preppack.config.yaml or .json here or above]' })
    // A value option given twice arrives as a list (yargs); every command reads one value: said, not a crash.
    .middleware((args) => {
      const lists = new Set((parser as unknown as { getOptions(): { array: string[] } }).getOptions().array);
      const twice = Object.keys(args).find((name) => name !== '_' && name.length > 1 && !lists.has(name) && Array.isArray(args[name]));
      if (twice) throw new UsageError(`--${twice} is given ${(args[twice] as unknown[]).length} times: give it once`);
    }, true)
    .demandCommand(1, 'name a command: build, panel, render, check, list, import, init, templates eject or manifest merge')
    .strict()
    .help()
    .alias('h', 'help')
    .version(TOOL_VERSION)
    .wrap(Math.min(100, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((message, caught) => {
      if (caught && caught.name !== 'YError' && !isUsageError(caught)) throw caught;
      // The options of the command being parsed (yargs has them, its types do not say so).
      const options = Object.keys((parser as unknown as { getOptions(): { key: Record<string, unknown> } }).getOptions().key).filter((name) => name.length > 1 && name !== '$0');
      usageFailure = withSuggestions(message ?? caught?.message ?? 'wrong command line', argv, options);
    });

  try {
    await parser.parseAsync();
  } catch (caught) {
    if (isUsageError(caught)) usageFailure = caught.message;
    else if (caught instanceof ConfigProblems) {
      printProblems(caught.problems);
      err('preppack: fix the config file (every key is in the README)');
      return EXIT_USAGE;
    } else {
      err(`preppack: ${(caught as Error).message}`);
      if (process.env.PREPPACK_DEBUG) err(String((caught as Error).stack));
      return EXIT_FAILED;
    }
  }
  if (usageFailure) {
    commandLineProblem(usageFailure);
    err(`preppack: ${usageFailure}`);
    err('run `preppack --help` or `preppack <command> --help` for usage');
    return EXIT_USAGE;
  }
  return code;
}
