// Styles of the in-page marks, applied inside each mark's shadow root (nothing leaks into the page). Light and dark
// follow the reader's colour scheme; pills wrap in narrow columns, and an open card (fixed, in the top layer) is
// never wider or taller than the window, so marks never widen the page (WCAG 1.4.10).
export const markStyles = `
:host { --ink: #0b0c0c; --muted: #505a5f; --paper: #fff; --quiet: #f3f2f1; --quiet-line: #6f777b; --link: #1d5c96;
  --flag-bg: #b3261e; --flag-line: #8c1d18; --flag-ink: #fff; --review-bg: #fff4ce; --review-line: #8a5a00;
  --review-ink: #5c3c00; --category-bg: #ffe8cc; --category-line: #b35c00; --category-ink: #6b3500; --partial: #7a4f00;
  --focus: #ffbf47; }
.pill, .card { color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :host { --ink: #f3f2f1; --muted: #c4c9cc; --paper: #1e2124; --quiet: #33383c; --quiet-line: #8e979c; --link: #8cc2f5;
    --flag-bg: #f2b8b5; --flag-line: #ffdad6; --flag-ink: #410e0b; --review-bg: #4a3600; --review-line: #f0c35b;
    --review-ink: #ffe08a; --category-bg: #4d2a00; --category-line: #ffb870; --category-ink: #ffd7ad; --partial: #f0c35b; }
}
.pill { font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; border-radius: 0.8em;
  padding: 1px 8px; border: 1px solid; cursor: pointer; white-space: normal; overflow-wrap: anywhere; max-width: 100%;
  text-align: left; }
.pill:focus-visible, .action:focus-visible, a:focus-visible, .card:focus-visible { outline: 3px solid var(--focus); outline-offset: 1px; }
.flag { background: var(--flag-bg); border-color: var(--flag-line); color: var(--flag-ink); }
.review { background: var(--review-bg); border-color: var(--review-line); color: var(--review-ink); }
.category { background: var(--category-bg); border-color: var(--category-line); color: var(--category-ink); }
.checked { background: var(--quiet); border-color: var(--quiet-line); color: var(--muted); font-weight: 500; }
.dismissed { background: var(--quiet); border-color: var(--muted); border-style: dashed; color: var(--ink); font-weight: 500; }
.card { position: fixed; inset: auto; margin: 0; z-index: 2147483647; top: 0; left: 0; box-sizing: border-box;
  width: min(24rem, calc(100vw - 32px)); max-height: calc(100vh - 16px); overflow: auto; overflow-wrap: anywhere;
  background: var(--paper); color: var(--ink); border: 1px solid var(--muted); border-radius: 6px; padding: 10px 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.35); font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: normal; text-align: left; }
.card[hidden] { display: none; }
.card[popover]:not(:popover-open) { display: none; }
.card p { margin: 0 0 6px; }
.card-title { font-weight: 700; font-size: 14px; }
.card-heading { font-weight: 600; margin-top: 8px !important; }
.card-note { color: var(--muted); font-style: italic; }
.sources { margin: 0 0 6px; padding-left: 18px; }
.sources a { color: var(--link); }
.partial { color: var(--partial); font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.action { font: 500 12px/1.3 system-ui, sans-serif; padding: 3px 8px; border-radius: 4px; border: 1px solid var(--muted);
  background: var(--quiet); color: var(--ink); cursor: pointer; max-width: 100%; white-space: normal; text-align: left; }
.card-listed { color: var(--muted); }
.questions { margin: 0 0 6px; padding-left: 18px; }
.technical summary { cursor: pointer; color: var(--link); margin: 4px 0; }
.decision { border-left: 3px solid var(--muted); padding-left: 8px; margin: 0 0 8px; }
.decide fieldset { border: 0; margin: 0 0 4px; padding: 0; }
.decide legend { padding: 0; font-weight: 600; }
.decide label { margin-right: 10px; }
.decide .field { display: block; margin: 4px 0; }
.decide select, .decide input[type=text] { font: inherit; max-width: 100%; }
.problem { color: var(--flag-line); font-weight: 600; }
.problem:empty { display: none; }
`;
