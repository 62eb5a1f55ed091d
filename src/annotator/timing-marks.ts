// Names of the performance marks (User Timing) the annotator sets in a page: when it started, when the first marks
// are in place (detail: how many, and `firstScreen: true` when those are the marks of the top of a long page, read
// first), and when all the marks of a whole reading are in place (detail: how many). On a page read whole at once
// both come together. They are visible to the page and to a profiler; the benchmark times pages by them.
export const ANNOTATOR_STARTED_MARK = 'tenderlens:annotator-started';
export const MARKS_PLACED_MARK = 'tenderlens:marks-placed';
export const ALL_MARKS_PLACED_MARK = 'tenderlens:all-marks-placed';
