// `build --shard K/N`: the (level, packet) jobs of a build split into N
// shares of about equal cost, the same on every machine, so that a CI matrix
// can build them side by side and `manifest merge` join them again.
import type { Level } from '../content/model.js';
import type { Packet } from '../render/templates.js';

export interface Job {
  level: Level;
  packet: Packet;
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

/** What a shard's manifest says of its share, for `manifest merge` to check. */
export interface ShardRecord extends Shard {
  /** The jobs this shard did, as `level/packet`. */
  jobs: string[];
  /** Every job of the whole build, the same in every shard's manifest. */
  allJobs: string[];
}

export const jobId = (job: Job) => `${job.level.id}/${job.packet}`;

/** "2/3" → shard 2 of 3; otherwise what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match) return `"${text}" is not K/N (such as 2/3)`;
  const [index, count] = [Number(match[1]), Number(match[2])];
  if (count < 1) return `"${text}": N must be 1 or more`;
  if (index < 1 || index > count) return `"${text}": K must be from 1 to ${count}`;
  return { index, count };
}

/**
 * How long a packet takes to render, relative to the others (measured on the
 * bundled library: a booklet prints every question and story; a cheat sheet is
 * laid out several times to fit one page).
 */
const PACKET_WEIGHT: Record<Packet, number> = { booklet: 3, scorecard: 2, cheatsheet: 2 };

/**
 * The jobs of one shard. Jobs are dealt, costliest first, each to the share
 * that has the least so far (ties to the lower share, then by name), which
 * keeps shares within one job of each other. `together` keeps a level's
 * jobs in one share (its zip is made whole there). A job's cost: its packet's
 * weight times the size of the level's content.
 */
export function shareOf(jobs: readonly Job[], shard: Shard, contentBytes: (level: Level) => number, together = false): Job[] {
  const cost = (job: Job) => PACKET_WEIGHT[job.packet] * (1 + contentBytes(job.level) / 1024);
  const units = new Map<string, Job[]>();
  for (const job of jobs) {
    const key = together ? job.level.id : jobId(job);
    units.set(key, [...(units.get(key) ?? []), job]);
  }
  const ranked = [...units.entries()]
    .map(([key, members]) => ({ key, members, cost: members.reduce((sum, job) => sum + cost(job), 0) }))
    .sort((a, b) => b.cost - a.cost || a.key.localeCompare(b.key));
  const loads = Array.from({ length: shard.count }, () => 0);
  const mine = new Set<Job>();
  for (const unit of ranked) {
    const least = loads.indexOf(Math.min(...loads));
    loads[least]! += unit.cost;
    if (least === shard.index - 1) for (const job of unit.members) mine.add(job);
  }
  return jobs.filter((job) => mine.has(job));
}
