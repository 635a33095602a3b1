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

/** Label above, hint and error below: the same for every control. */
function FieldShell({ p, children }: { p: BaseProps; children: ReactNode }) {
  return (
    <div className={`field ${p.className ?? ''}`}>
      <label htmlFor={p.id}>{p.label}</label>
      {children}
      <Extras id={p.id} hint={p.hint} error={p.error} />
    </div>
  );
}

/** The attributes that tie a control to its label, hint and error for assistive technology. */
function a11yProps(p: BaseProps) {
  return {
    id: p.id,
    required: p.required,
    'aria-required': p.required || undefined,
    disabled: p.disabled,
    'aria-invalid': p.error ? true : undefined,
    'aria-describedby': describedBy(p.id, p.hint, p.error),
  } as const;
}

export function TextField(p: TextFieldProps) {
  return (
    <FieldShell p={p}>
      <input
        {...a11yProps(p)}
        ref={p.inputRef}
        type={p.type ?? 'text'}
        value={p.value}
        onChange={(e: ChangeEvent<HTMLInputElement>) => p.onChange(e.target.value)}
        onBlur={p.onBlur}
        autoComplete={p.autoComplete}
        maxLength={p.maxLength}
      />
    </FieldShell>
  );
}

interface TextAreaProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  rows?: number;
}

export function TextArea(p: TextAreaProps) {
  return (
    <FieldShell p={p}>
      <textarea {...a11yProps(p)} value={p.value} rows={p.rows ?? 6} onChange={(e) => p.onChange(e.target.value)} />
    </FieldShell>
  );
}

interface SelectFieldProps extends BaseProps {
  value: string;
  onChange(value: string): void;
  children: ReactNode;
}

export function SelectField(p: SelectFieldProps) {
  return (
    <FieldShell p={p}>
      <select {...a11yProps(p)} value={p.value} onChange={(e) => p.onChange(e.target.value)}>
        {p.children}
      </select>
    </FieldShell>
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
