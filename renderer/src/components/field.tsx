// Labelled form controls with their hint and error wired up (aria-invalid + aria-describedby).
import type { ChangeEvent, ReactNode, Ref } from 'react';

interface BaseProps {
  id: string;
  label: string;
  /** Already translated message; shown under the control. */
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  disabled?: boolean;
  className?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Extras({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

interface TextFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'email' | 'tel' | 'date' | 'password' | 'search';
  autoComplete?: string;
  inputRef?: Ref<HTMLInputElement>;
  onBlur?(): void;
  maxLength?: number;
}

export function TextField(p: TextFieldProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      <input
        id={p.id}
        ref={p.inputRef}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
        required={p.required}
        aria-required={p.required || undefined}
        disabled={p.disabled}
        autoComplete={p.autoComplete}
        maxLength={p.maxLength}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <Extras id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface TextAreaProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  rows?: number;
}

export function TextArea(p: TextAreaProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      <textarea
        id={p.id}
        value={p.value}
        rows={p.rows ?? 6}
        onChange={(e) => p.onChange(e.target.value)}
        required={p.required}
        aria-required={p.required || undefined}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <Extras id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}

export function SelectField(p: SelectFieldProps) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      <select
        id={p.id}
        value={p.value}
        onChange={(e) => p.onChange(e.target.value)}
        required={p.required}
        aria-required={p.required || undefined}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      >
        {p.children}
      </select>
      <Extras id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

interface CheckboxProps extends Omit<BaseProps, 'required'> {
  checked: boolean;
  onChange(checked: boolean): void;
}

export function Checkbox(p: CheckboxProps) {
  return (
    <div className={`field field-check ${p.className ?? ''}`}>
      <input
        id={p.id}
        type="checkbox"
        checked={p.checked}
        onChange={(e) => p.onChange(e.target.checked)}
        disabled={p.disabled}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={describedBy(p.id, p.hint, p.error)}
      />
      <label htmlFor={p.id}>{p.label}</label>
      <Extras id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}
