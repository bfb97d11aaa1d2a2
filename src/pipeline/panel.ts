// Panels: for each candidate, one scoring sheet per interviewer, a one-page
// plan and a one-page debrief sheet, all rendered in memory before anything
// is written. Candidates of one level in one run share as few questions as the
// bank allows: each panel's set prefers the questions used least so far.
import { join } from 'node:path';
import type { Level, Library } from '../content/model.js';
import type { ContentFile } from '../content/read.js';
import { OutputFolder, type Inputs } from '../fs/outputFolder.js';
import { underLock, writeStaged, type OwnedFile, type StagedFile } from '../fs/stagedWrite.js';
import { sha256 } from '../fs/hash.js';
import { stillThere } from './cache.js';
import { panelManifestPath, panelManifestText, readPanelManifest } from './panelManifest.js';
import { defaultPerInterviewer, planPanel, type PanelPlan } from '../loops/panel.js';
import { competencyTitles } from '../packets/common.js';
import { DEBRIEF_FORMS, debriefContext, panelPlanContext, PLAN_LAYOUTS, type PanelDetails } from '../packets/panel.js';
import { error, PreppackError } from '../problems.js';
import type { Paper } from '../render/document.js';
import type { TemplateSet } from '../render/templates.js';
import { themeFor } from '../render/theme.js';
import { distinctStems } from '../text/fileStem.js';
import { buildDate, edition as editionOf, levelFiles } from './edition.js';
import { firstFormOnOnePage, lazily } from './fitOnePage.js';
import type { PacketOptions } from './packetDocument.js';
import { renderPacket } from './renderPacket.js';
import { renderTasks } from './poolTasks.js';
import type { PrintSettings } from '../packets/common.js';

export interface PanelSpec {
  candidate: string;
  level: Level;
  interviewers: string[];
  /** Questions per interviewer; by default enough to cover the level's competencies. */
  perInterviewer?: number;
  seed: number;
  /** YYYY-MM-DD. */
  date?: string;
  /** Where the panel was asked for, for messages: a roster's path and line. */
  origin?: { path: string; line: number };
}

export interface PanelRequest {
  library: Library;
  contentFiles: ContentFile[];
  contentDir: string;
  templates: TemplateSet;
  outDir: string;
  paper: Paper;
  panels: PanelSpec[];
  /** Scoring sheets with form fields. */
  fillable?: boolean;
  /** The config's organisation and evidence lines. */
  print?: PrintSettings;
  /** Told before each file: how many are done, of how many, and which (candidate and sheet). */
  onFile?: (done: number, total: number, candidate: string, sheet: string) => void;
  /** Threads that render (renderPool.ts): 1 renders on this one; by default the cores, for a run big enough to pay for them. */
  threads?: number;
}

export interface PanelFile {
  /** Relative to the output folder. */
  path: string;
  written: string;
  candidate: string;
  /** Which sheet: "scorecard (Sam)", "panel plan", "debrief". */
  sheet: string;
  pages: number;
  bytes: Buffer;
}

export interface PanelResult {
  files: PanelFile[];
  /** Each candidate's folder below the output folder, with the loop it holds. */
  folders: { folder: string; panel: PanelSpec }[];
  /** Per candidate, the competencies no sheet of theirs covers (too few questions or interviewers). */
  uncovered: { candidate: string; competencies: string[] }[];
  /** Per level, how many panels asked each question, by question number. */
  usage: Map<string, Map<number, number>>;
  /** Names that would have shared a file or folder with another, and the distinct one each got. */
  renamed: string[];
}

/** The folder of a candidate's panel, below the output folder, from its file name stem. */
export const panelFolder = (stem: string) => `panels/${stem}`;

/** A panel planned, with all its sheets need: what a render thread is given (renderPool.ts). */
export interface PlannedPanel {
  library: Library;
  level: Level;
  panel: PanelSpec;
  plan: PanelPlan;
  /** Below the output folder. */
  folder: string;
  /** Each interviewer's file name stem. */
  stems: Record<string, string>;
  edition: ReturnType<typeof editionOf>;
  date: Date;
  paper: Paper;
  fillable?: boolean;
  print?: PrintSettings;
}

export async function renderPanels(request: PanelRequest): Promise<PanelResult> {
  const folders: PanelResult['folders'] = [];
  const uncovered: PanelResult['uncovered'] = [];
  const usageById = new Map<string, number>();
  const usage = new Map<string, Map<number, number>>();
  const order = request.library.competencies.map((c) => c.id);
  const renamed: string[] = [];
  const said = (what: (name: string) => string, kind: string) => ({ name, stem, sharedWith }: { name: string; stem: string; sharedWith: string }) =>
    renamed.push(`${what(name)} would share a file name with "${sharedWith}": its ${kind} is named "${stem}"`);
  const candidateStems = distinctStems(request.panels.map((panel) => panel.candidate));
  candidateStems.renamed.forEach(said((name) => `the candidate "${name}"`, 'folder'));
  // Every panel planned first, in order (each prefers the questions used least so far), then all rendered.
  const planned: PlannedPanel[] = request.panels.map((panel, index) => {
    const bank = request.library.questions.filter((q) => q.level === panel.level.id);
    const levelContent = levelFiles(request.contentFiles, request.library, panel.level);
    const date = buildDate(request.contentDir, levelContent);
    const edition = editionOf(levelContent, request.contentDir, date, request.print?.organisation);
    const plan: PanelPlan = planPanel({
      bank,
      interviewers: panel.interviewers,
      perInterviewer: panel.perInterviewer ?? defaultPerInterviewer(bank, panel.interviewers.length),
      seed: panel.seed,
      competencyOrder: order,
      usage: usageById,
    });
    for (const q of plan.seats.flatMap((seat) => seat.questions)) usageById.set(q.id, (usageById.get(q.id) ?? 0) + 1);
    const folder = panelFolder(candidateStems.stems[index]!);
    const interviewerStems = distinctStems(panel.interviewers);
    interviewerStems.renamed.forEach(said((name) => `${panel.candidate}'s interviewer "${name}"`, 'sheet'));
    folders.push({ folder, panel });
    if (plan.uncovered.length) uncovered.push({ candidate: panel.candidate, competencies: competencyTitles(request.library, plan.uncovered) });
    const counts = usage.get(panel.level.id) ?? new Map<number, number>();
    for (const q of plan.seats.flatMap((seat) => seat.questions)) counts.set(q.number, (counts.get(q.number) ?? 0) + 1);
    usage.set(panel.level.id, counts);
    const stems = Object.fromEntries(panel.interviewers.map((name, i) => [name, interviewerStems.stems[i]!]));
    return { library: request.library, level: panel.level, panel, plan, folder, stems, edition, date: date.date, paper: request.paper, fillable: request.fillable, print: request.print };
  });
  // Each panel: a sheet per interviewer, the plan and the debrief sheet.
  const total = request.panels.reduce((sum, panel) => sum + panel.interviewers.length + 2, 0);
  let done = 0;
  const tasks = planned.map((panel) => ({ label: `the panel of ${panel.panel.candidate}`, pdfs: panel.panel.interviewers.length + 2, kind: 'panel' as const, payload: panel }));
  const rendered = await renderTasks(tasks, {
    threads: request.threads,
    templates: request.templates,
    onProgress: (_index, detail) => {
      const { candidate, sheet } = detail as { candidate: string; sheet: string };
      request.onFile?.(done++, total, candidate, sheet);
    },
  });
  const files = planned.flatMap((panel, i) => (rendered[i] as PanelSheet[]).map((sheet) => ({ ...sheet, written: join(request.outDir, sheet.path), candidate: panel.panel.candidate })));
  return { files, folders, uncovered, usage, renamed };
}

/** A sheet of a panel as a render thread makes it. */
export type PanelSheet = Pick<PanelFile, 'path' | 'sheet' | 'pages' | 'bytes'>;

/** One candidate's sheets: a scoring sheet per interviewer, the plan and the debrief sheet. */
export async function renderPanel(planned: PlannedPanel, templates: TemplateSet, progress: (detail: { candidate: string; sheet: string }) => void): Promise<PanelSheet[]> {
  const { library, level, panel, plan, folder, edition, print } = planned;
  const sheets: PanelSheet[] = [];
  const base: Omit<PacketOptions, 'packet'> = { library, level, templates, edition, paper: planned.paper, creationDate: planned.date, fillable: planned.fillable, evidenceLines: print?.evidenceLines, ratings: print?.ratingLabels, tagged: print?.tagged, language: print?.language };
  const add = (sheet: string, name: string, bytes: Buffer, pages: number) => sheets.push({ path: `${folder}/${name}`, sheet, pages, bytes });
  const next = (sheet: string) => progress({ candidate: panel.candidate, sheet });
  for (const seat of plan.seats) {
    next(`scorecard (${seat.interviewer})`);
    const sheet = await renderPacket({
      ...base,
      packet: 'scorecard',
      sheet: { candidate: panel.candidate, interviewer: seat.interviewer, date: panel.date, focus: competencyTitles(library, seat.focus).join(' · '), questions: seat.questions, seed: panel.seed, panel: panel.interviewers },
    });
    if (sheet.kind === 'pdf') add(`scorecard (${seat.interviewer})`, `${planned.stems[seat.interviewer]!}-scorecard.pdf`, sheet.bytes, sheet.pages);
  }
  const details: PanelDetails = { candidate: panel.candidate, date: panel.date, plan };
  const where = panel.origin ?? { path: level.path, line: 1 };
  next('panel plan');
  const planBytes = await planOnOnePage(templates, base, details);
  if (!planBytes) throw new PreppackError([error(where.path, where.line, `the panel plan for "${panel.candidate}" does not fit one page even at 8 pt with question numbers only: ${panel.interviewers.length} interviewers are too many for one page`)]);
  add('panel plan', 'panel-plan.pdf', planBytes, 1);
  next('debrief');
  // Interviewers' names head the grid's columns; initials and a key where long names leave the grid no room.
  const debriefForms = lazily(DEBRIEF_FORMS, (form) => templates.templates.debrief.render(debriefContext(library, level, edition, details, print?.ratingLabels, form)));
  const debrief = await firstFormOnOnePage({ ...base, packet: 'debrief' }, themeFor(templates.theme, 'debrief'), debriefForms);
  if (!debrief) throw new PreppackError([error(where.path, where.line, `the debrief sheet for "${panel.candidate}" does not fit one page even at 8 pt: ${panel.interviewers.length} interviewers are too many for one page`)]);
  // Fillable: the decision, what decided it, the concerns and the sign-off are fields too.
  const debriefBytes = await debrief.pdf.draw();
  add('debrief', 'debrief.pdf', planned.fillable ? await (await import('../forms/addFormFields.js')).addFormFields(debriefBytes, debrief.pdf.fields) : debriefBytes, 1);
  return sheets;
}

/**
 * The plan on one page: the fullest form of it that fits (labels and focus,
 * then shorter labels, then question numbers).
 */
async function planOnOnePage(templates: TemplateSet, base: Omit<PacketOptions, 'packet'>, details: PanelDetails): Promise<Buffer | undefined> {
  const theme = themeFor(templates.theme, 'panel-plan');
  const forms = lazily(PLAN_LAYOUTS, ({ form, heads }) => templates.templates['panel-plan'].render(panelPlanContext(base.library, base.level, base.edition, details, form, heads)));
  const fitted = await firstFormOnOnePage({ ...base, packet: 'panel-plan' }, theme, forms);
  return fitted?.pdf.draw();
}

/**
 * Writes every file of a run as one change, with a manifest in each
 * candidate's folder; files an earlier run wrote there that this one does not
 * make (an interviewer dropped) are removed. Returns those removed, as
 * written, and what was mended in the folder first.
 */
export async function writePanels(result: PanelResult, outDir: string, inputs: Inputs): Promise<{ removed: string[]; notices: string[] }> {
  const output = new OutputFolder(outDir, inputs);
  const notices: string[] = [];
  const removed = await underLock(
    output,
    async () => {
      const manifests: StagedFile[] = [];
      const removes: OwnedFile[] = [];
      for (const { folder, panel } of result.folders) {
        const mine = result.files.filter((file) => file.path.startsWith(`${folder}/`));
        const now = new Set(mine.map((file) => file.path));
        removes.push(...stillThere(readPanelManifest(output, folder)?.files, output).filter((file) => !now.has(file.path)));
        const entries = mine.map((file) => ({ path: file.path, sheet: file.sheet, pages: file.pages, bytes: file.bytes.length, sha256: sha256(file.bytes) }));
        const { candidate, level, seed, date, interviewers } = panel;
        manifests.push({ path: panelManifestPath(folder), bytes: panelManifestText({ candidate, level: level.id, seed, ...(date ? { date } : {}), interviewers, files: entries }) });
      }
      writeStaged(output, [...result.files.map((file) => ({ path: file.path, bytes: file.bytes })), ...manifests], undefined, removes);
      return removes.map((owned) => join(outDir, owned.path));
    },
    notices,
  );
  return { removed, notices };
}
