// The "?" overlay listing every keyboard shortcut.
export const SHORTCUTS: [string[], string][] = [
  [['j'], 'Next conversation'],
  [['k'], 'Previous conversation'],
  [['Enter'], 'Open the selected conversation'],
  [['o'], 'Open the selected conversation'],
  [['r'], 'Reply to the customer'],
  [['n'], 'Write a private note'],
  [['e'], 'Resolve the conversation'],
  [['Ctrl', 'Enter'], 'Send the reply or note'],
  [['/'], 'Search conversations (in the reply box: canned responses)'],
  [['@'], 'Mention an agent (in a note)'],
  [['Esc'], 'Leave the reply box, close menus'],
  [['?'], 'Show or hide this help'],
];

export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="overlay" role="presentation" onMouseDown={onClose}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onMouseDown={(e) => e.stopPropagation()}>
        <header className="dialog-header">
          <h2>Keyboard shortcuts</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        <dl className="shortcuts">
          {SHORTCUTS.map(([keys, what]) => (
            <div key={what + keys.join()} className="shortcut">
              <dt>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && '+'}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </div>
    </div>
  );
}
