// The benchmark's split of long tasks into rendering, parsing and script, on a trace shaped as Chromium writes it.
import { describe, expect, it } from 'vitest';
import { longTaskTimes, type TraceEvent } from '../../bench/task-attribution';

const span = (name: string, fromMs: number, toMs: number, tid = 1): TraceEvent => ({ name, ph: 'X', ts: fromMs * 1000, dur: (toMs - fromMs) * 1000, pid: 7, tid });

describe('long task attribution', () => {
  it('splits a task into script, rendering, parsing and the rest, counting script the parser runs as script', () => {
    const events = [
      // Another thread parses less: not the page's.
      span('ParseHTML', 0, 1, 2),
      span('ThreadControllerImpl::RunTask', 0, 120),
      span('ParseHTML', 0, 70),
      span('EvaluateScript', 10, 40), // a content script injected at document_start, inside the parse
      span('v8.compile', 10, 20),
      span('UpdateLayoutTree', 70, 90),
      span('Layout', 75, 100), // overlaps the style update: counted once
      span('BlinkScheduler_PerformMicrotaskCheckpoint', 100, 110),
      span('MinorGC', 102, 104), // inside the script: the script's
      span('ThreadControllerImpl::RunTask', 200, 230), // short: left out
      span('Layout', 205, 225),
    ];
    expect(longTaskTimes(events)).toEqual([{ startMs: 0, durationMs: 120, scriptMs: 40, renderingMs: 30, parsingMs: 40, otherMs: 10 }]);
  });

  it("counts a frame the compositor asked for as rendering, its waits too, apart from its animation frame script", () => {
    const frame = { ...span('ThreadControllerImpl::RunTask', 0, 300), args: { src_func: 'ScheduledActionSendBeginMainFrame' } };
    const events = [span('ParseHTML', 400, 401), frame, span('FunctionCall', 0, 20), span('PrePaint', 20, 180), span('Commit', 290, 297)];
    expect(longTaskTimes(events)).toEqual([{ startMs: 0, durationMs: 300, scriptMs: 20, renderingMs: 280, parsingMs: 0, otherMs: 0 }]);
  });

  it('finds no task on a trace without the page', () => {
    expect(longTaskTimes([span('ThreadControllerImpl::RunTask', 0, 100)])).toEqual([]);
  });
});
