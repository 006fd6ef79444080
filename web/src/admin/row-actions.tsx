// The Change / Remove buttons at the end of a settings table's row.
export function RowActions({ onChange, onRemove, removeLabel = 'Remove' }: { onChange(): void; onRemove(): void; removeLabel?: string }) {
  return (
    <div className="channel-actions">
      <button type="button" className="button" onClick={onChange}>
        Change
      </button>
      <button type="button" className="button" onClick={onRemove}>
        {removeLabel}
      </button>
    </div>
  );
}
