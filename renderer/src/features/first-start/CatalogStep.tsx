import { FormError } from '../../ui/FormError';
import { useFirstStartStrings } from './first-start-strings';
import { useFirstStart } from './first-start-store';

/** How the catalog begins: empty (the first product is added from the register), or the demo café in training. */
export function CatalogStep({ training }: { training: boolean }) {
  const text = useFirstStartStrings();
  const { busy, error } = useFirstStart();
  const choose = (start: 'empty' | 'demo') => () => void useFirstStart.getState().chooseCatalog(start);

  return (
    <div className="panel" aria-busy={busy} data-testid="first-start-catalog">
      <p>{text.catalogIntro}</p>
      <div className="first-start-choices">
        <div className="first-start-choice">
          <button
            type="button"
            className="button button-primary"
            data-testid="first-start-empty-catalog"
            aria-describedby="first-start-empty-hint"
            disabled={busy}
            onClick={choose('empty')}
          >
            {text.emptyCatalog}
          </button>
          <p id="first-start-empty-hint" className="field-hint">
            {text.emptyCatalogHint}
          </p>
        </div>
        {training && (
          <div className="first-start-choice">
            <button
              type="button"
              className="button button-secondary"
              data-testid="first-start-demo-catalog"
              aria-describedby="first-start-demo-hint"
              disabled={busy}
              onClick={choose('demo')}
            >
              {text.demoCatalog}
            </button>
            <p id="first-start-demo-hint" className="field-hint">
              {text.demoCatalogHint}
            </p>
          </div>
        )}
      </div>
      <FormError error={error} testId="first-start-error" />
      <div className="form-actions">
        <button type="button" className="button button-plain" onClick={() => useFirstStart.getState().back()}>
          {text.back}
        </button>
      </div>
    </div>
  );
}
