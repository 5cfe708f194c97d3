/** The keyboard shortcuts of the current screen, shown quietly at the bottom. */
export function HintBar({ hints }: { hints: ReadonlyArray<readonly [string, string]> }) {
  return (
    <footer className="hint-bar" aria-hidden="true">
      {hints.map(([keys, action]) => (
        <span key={keys} className="hint">
          <kbd>{keys}</kbd> {action}
        </span>
      ))}
    </footer>
  );
}
