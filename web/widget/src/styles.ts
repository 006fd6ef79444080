// The widget's look, inside its shadow root so the host page's CSS and ours never meet.
export const css = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; width: 56px; height: 56px; border-radius: 50%;
  border: none; background: #2f5bea; color: #fff; font-size: 26px; cursor: pointer; box-shadow: 0 6px 20px rgba(0,0,0,.25); }
.launcher .badge { position: absolute; top: 2px; right: 2px; min-width: 18px; height: 18px; border-radius: 9px; background: #e5484d;
  color: #fff; font-size: 11px; line-height: 18px; padding: 0 5px; }
.panel { position: fixed; right: 20px; bottom: 88px; z-index: 2147483000; width: 360px; max-width: calc(100vw - 40px); height: 520px;
  max-height: calc(100vh - 120px); display: flex; flex-direction: column; background: #fff; color: #1c2024; border-radius: 14px;
  box-shadow: 0 12px 40px rgba(0,0,0,.25); overflow: hidden; font-size: 14px; }
.panel[hidden], [hidden] { display: none !important; }
.header { display: flex; align-items: center; justify-content: space-between; padding: 14px 16px; background: #2f5bea; color: #fff; }
.header h2 { margin: 0; font-size: 16px; font-weight: 600; }
.header button { background: none; border: none; color: #fff; font-size: 20px; cursor: pointer; }
.body { flex: 1; overflow-y: auto; padding: 12px 14px; display: flex; flex-direction: column; gap: 8px; background: #f7f8fa; }
.greeting { color: #60646c; font-size: 13px; margin: 0; }
.messages { display: flex; flex-direction: column; gap: 8px; }
.launcher svg { width: 26px; height: 26px; fill: currentColor; vertical-align: middle; }
.msg { max-width: 80%; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; word-wrap: break-word; overflow-wrap: anywhere; }
.msg.in { align-self: flex-end; background: #2f5bea; color: #fff; border-bottom-right-radius: 4px; }
.msg.out { align-self: flex-start; background: #fff; border: 1px solid #e0e1e6; border-bottom-left-radius: 4px; }
.msg .who { display: block; font-size: 11px; color: #60646c; margin-bottom: 2px; }
.msg.pending { opacity: .6; }
.msg.failed { background: #fff0f0; color: #a01f24; border: 1px solid #f3b0b2; }
.notice { align-self: center; font-size: 12px; color: #60646c; text-align: center; }
.typing { padding: 4px 14px; font-size: 12px; color: #60646c; font-style: italic; background: #f7f8fa; }
.queue { padding: 6px 14px; font-size: 12px; color: #1c2024; background: #eef2ff; }
form { display: flex; flex-direction: column; gap: 8px; padding: 12px 14px; border-top: 1px solid #e0e1e6; background: #fff; }
form.composer { flex-direction: row; align-items: flex-end; }
label { display: flex; flex-direction: column; gap: 3px; font-size: 12px; color: #60646c; }
input, select, textarea { font-size: 14px; padding: 8px 10px; border: 1px solid #cdced6; border-radius: 8px; color: #1c2024; background: #fff; width: 100%; }
textarea { resize: none; min-height: 38px; max-height: 120px; }
button.send { border: none; background: #2f5bea; color: #fff; border-radius: 8px; padding: 9px 14px; cursor: pointer; font-size: 14px; }
button.send:disabled { opacity: .5; cursor: default; }
.error { color: #a01f24; font-size: 12px; }
.intro { font-size: 13px; color: #1c2024; margin: 0; }
.help { display: flex; flex-direction: column; gap: 6px; padding: 10px; border: 1px solid #e0e1e6; border-radius: 10px; background: #fff; }
.help-status { margin: 0; font-size: 12px; color: #60646c; }
.help-status:empty { display: none; }
.help-results { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
.help-results a { color: #2f5bea; font-weight: 600; text-decoration: none; }
.help-results .excerpt { display: block; font-size: 12px; color: #60646c; }
`;
