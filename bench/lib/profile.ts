/**
 * @module
 * Reading V8 CPU profiles (`node --cpu-prof`) of a server under load: where
 * its time went, by function and by module (a package in node_modules, a
 * source file of the project, or V8 itself). Time blocked in a synchronous
 * native call, such as a libSQL statement waiting for fsync, is charged to
 * the JavaScript function that made the call, which is what makes these
 * profiles useful for a store-bound server.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface ProfileEntry {
  name: string;
  /** Share of the busy (non-idle) time, 0..1. */
  share: number;
  ms: number;
}

export interface ProfileSummary {
  file: string;
  /** Wall time covered by the profile. */
  totalMs: number;
  /** Time the thread was not idle. */
  busyMs: number;
  /** Self time in the project's own sources (src/…). */
  projectMs: number;
  /** Self time by function, largest first. */
  functions: ProfileEntry[];
  /** Self time by module, largest first. */
  modules: ProfileEntry[];
  /**
   * Inclusive time of the project's own functions (src/…), largest first:
   * where the request handlers spend their time, callees included.
   */
  inclusive: ProfileEntry[];
}

const IGNORED = new Set(['(idle)', '(root)']);

function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native code)';
  const path = url.replace(/^file:\/\//, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg?.[1] !== undefined) return pkg[1];
  const own = path.match(/\/((?:src|bench|web)\/.+)$/);
  if (own?.[1] !== undefined) return own[1];
  if (path.startsWith('node:')) return 'node: built-ins';
  return path;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const name = functionName === '' ? '(anonymous)' : functionName;
  if (url === '') return name;
  return `${name} ${moduleOf(url, functionName)}:${lineNumber + 1}`;
}

/** Summarises a `.cpuprofile` file (V8's format, as written by `--cpu-prof` or the inspector). */
export function summarizeProfile(file: string, top = 12): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });

  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let project = 0;
  for (const [id, micros] of self) {
    const node = byId.get(id);
    if (node === undefined || IGNORED.has(node.callFrame.functionName)) continue;
    busy += micros;
    const name = label(node);
    functions.set(name, (functions.get(name) ?? 0) + micros);
    const module = moduleOf(node.callFrame.url, node.callFrame.functionName);
    if (module.startsWith('src/')) project += micros;
    modules.set(module, (modules.get(module) ?? 0) + micros);
    // Charge this sample to every distinct project function on its stack.
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame === undefined || !/\/src\//.test(frame.callFrame.url)) continue;
      const frameName = label(frame);
      if (seen.has(frameName)) continue;
      seen.add(frameName);
      inclusive.set(frameName, (inclusive.get(frameName) ?? 0) + micros);
    }
  }
  const ranked = (entries: Map<string, number>): ProfileEntry[] =>
    [...entries]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: micros / 1000, share: busy > 0 ? micros / busy : 0 }));
  return {
    file: relative(process.cwd(), file),
    totalMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busy / 1000,
    projectMs: project / 1000,
    functions: ranked(functions),
    modules: ranked(modules),
    inclusive: ranked(inclusive),
  };
}
