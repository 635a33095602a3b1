// A labelled group of radio buttons (fieldset + legend), with its error wired up.
interface Props<V extends string> {
  id: string;
  legend: string;
  value: V | '' | null;
  options: readonly V[];
  labelOf(v: V): string;
  onChange(v: V): void;
  disabled?: boolean;
  error?: string | undefined;
  className?: string;
}

export function RadioGroup<V extends string>(p: Props<V>) {
  return (
    <fieldset
      className={`radio-group ${p.className ?? ''}`}
      id={p.id}
      tabIndex={-1}
      aria-describedby={p.error ? `${p.id}-error` : undefined}
    >
      <legend>{p.legend}</legend>
      {p.options.map((o) => (
        <div className="radio" key={o}>
          <input
            type="radio"
            id={`${p.id}-${o}`}
            name={p.id}
            value={o}
            checked={p.value === o}
            disabled={p.disabled}
            onChange={() => p.onChange(o)}
          />
          <label htmlFor={`${p.id}-${o}`}>{p.labelOf(o)}</label>
        </div>
      ))}
      {p.error && (
        <p id={`${p.id}-error`} className="field-error">
          {p.error}
        </p>
      )}
    </fieldset>
  );
}
