// What a page's main-thread tasks spent their time on, from a Chromium trace (CDP Tracing, categories
// "toplevel,devtools.timeline"): per task of 50 ms or more, the time in script (calls, script evaluations, timers,
// microtask checkpoints, and the garbage collections and layouts they cause), in rendering (style, layout,
// pre-paint, paint, commit), in parsing the page's HTML, and the rest (the browser's own messages, such as a
// navigation's commit). The pages the benchmark opens run no script of their own, so the script is the content
// script's. Script the parser runs (a content script injected at document_start) counts as script, not as parsing.
// A task the compositor posts to draw a frame (BeginMainFrame) is rendering throughout, its waits included, apart
// from the script it runs (animation frame callbacks). Pure.

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { src_func?: string };
}

export interface TaskTime {
  /** Start, in ms on the trace's clock. */
  startMs: number;
  durationMs: number;
  renderingMs: number;
  parsingMs: number;
  /** In script: the content script's work. */
  scriptMs: number;
  /** None of these. */
  otherMs: number;
}

const TASK = 'ThreadControllerImpl::RunTask';
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest', 'UpdateLayer']);
const PARSING = 'ParseHTML';
const SCRIPT = new Set([
  'FunctionCall', 'EvaluateScript', 'TimerFire', 'FireAnimationFrame', 'BlinkScheduler_PerformMicrotaskCheckpoint', 'RunMicrotasks',
  'V8.Execute', 'v8.compile', 'v8.callFunction', 'v8.run',
]);

/** The page's main thread: the thread that spent the longest parsing HTML. */
function pageThread(events: readonly TraceEvent[]): string | undefined {
  const counts = new Map<string, number>();
  for (const e of events) if (e.name === PARSING) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 0));
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** The page's main-thread tasks at least `minMs` long, each split into rendering, parsing and the rest. */
export function longTaskTimes(events: readonly TraceEvent[], minMs = 50): TaskTime[] {
  const thread = pageThread(events);
  if (!thread) return [];
  const spans = events.filter((e) => e.ph === 'X' && e.dur !== undefined && `${e.pid}:${e.tid}` === thread).sort((a, b) => a.ts - b.ts);
  const tasks = spans.filter((e) => e.name === TASK && e.dur! >= minMs * 1000);
  return tasks.map((task) => {
    const from = task.ts;
    const to = task.ts + task.dur!;
    const inside = spans.filter((e) => e !== task && e.ts >= from && e.ts + e.dur! <= to);
    const kinds = inside
      .map((e) => ({ from: e.ts, to: e.ts + e.dur!, kind: SCRIPT.has(e.name) ? 'script' : RENDERING.has(e.name) ? 'rendering' : e.name === PARSING ? 'parsing' : undefined }))
      .filter((k): k is { from: number; to: number; kind: 'script' | 'rendering' | 'parsing' } => k.kind !== undefined);
    // Elementary segments between every boundary; each is script if any script span covers it, else rendering or
    // parsing if one covers it, else the rest.
    const cuts = [...new Set([from, to, ...kinds.flatMap((k) => [k.from, k.to])])].sort((a, b) => a - b);
    let rendering = 0;
    let parsing = 0;
    let script = 0;
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i]!;
      const b = cuts[i + 1]!;
      const covering = kinds.filter((k) => k.from <= a && k.to >= b);
      if (covering.some((k) => k.kind === 'script')) script += b - a;
      else if (covering.some((k) => k.kind === 'rendering')) rendering += b - a;
      else if (covering.some((k) => k.kind === 'parsing')) parsing += b - a;
    }
    if (task.args?.src_func?.includes('BeginMainFrame')) rendering = task.dur! - script - parsing;
    const ms = (us: number) => us / 1000;
    return { startMs: ms(from), durationMs: ms(task.dur!), scriptMs: ms(script), renderingMs: ms(rendering), parsingMs: ms(parsing), otherMs: ms(task.dur! - script - rendering - parsing) };
  });
}
