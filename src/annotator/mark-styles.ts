// Styles of the in-page marks, applied inside each mark's shadow root (nothing leaks into the page).
export const markStyles = `
.pill { font: 600 12px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; border-radius: 999px;
  padding: 1px 8px; border: 1px solid; cursor: pointer; white-space: nowrap; }
.pill:focus-visible, .action:focus-visible, a:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.flag { background: #b3261e; border-color: #8c1d18; color: #fff; }
.review { background: #fff4ce; border-color: #8a5a00; color: #5c3c00; }
.category { background: #ffe8cc; border-color: #b35c00; color: #6b3500; }
.checked { background: #f3f2f1; border-color: #b1b4b6; color: #505a5f; font-weight: 500; }
.dismissed { background: #f3f2f1; border-color: #505a5f; border-style: dashed; color: #383f43; font-weight: 500; }
.card { position: absolute; z-index: 2147483647; top: calc(100% + 4px); left: 0; width: 24rem; max-width: 80vw;
  background: #fff; color: #0b0c0c; border: 1px solid #505a5f; border-radius: 6px; padding: 10px 12px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  white-space: normal; text-align: left; }
.card[hidden] { display: none; }
.card p { margin: 0 0 6px; }
.card-title { font-weight: 700; font-size: 14px; }
.card-heading { font-weight: 600; margin-top: 8px !important; }
.card-note { color: #505a5f; font-style: italic; }
.sources { margin: 0 0 6px; padding-left: 18px; }
.sources a { color: #1d70b8; }
.partial { color: #8a5a00; font-weight: 600; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.action { font: 500 12px/1.3 system-ui, sans-serif; padding: 3px 8px; border-radius: 4px; border: 1px solid #505a5f;
  background: #f3f2f1; color: #0b0c0c; cursor: pointer; }
.card-listed { color: #505a5f; }
.questions { margin: 0 0 6px; padding-left: 18px; }
.technical summary { cursor: pointer; color: #1d70b8; margin: 4px 0; }
.decision { border-left: 3px solid #505a5f; padding-left: 8px; margin: 0 0 8px; }
.decide fieldset { border: 0; margin: 0 0 4px; padding: 0; }
.decide legend { padding: 0; font-weight: 600; }
.decide label { margin-right: 10px; }
.decide .field { display: block; margin: 4px 0; }
.decide select, .decide input[type=text] { font: inherit; max-width: 100%; }
.problem { color: #b3261e; font-weight: 600; }
.problem:empty { display: none; }
`;
