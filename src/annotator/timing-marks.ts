// Names of the performance marks (User Timing) the annotator sets in a page: when it started, and each time its
// marks are in place (detail: how many). They are visible to the page and to a profiler; the benchmark times pages
// by them.
export const ANNOTATOR_STARTED_MARK = 'tenderlens:annotator-started';
export const MARKS_PLACED_MARK = 'tenderlens:marks-placed';
