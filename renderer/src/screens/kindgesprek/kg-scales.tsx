// The child's scales: five faces (a radio group with roving focus: arrows move, Space/Enter
// select) and the 1–10 thermometer (native radios: large, touch- and keyboard-friendly).
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';

const FACES = [1, 2, 3, 4, 5] as const;

/** A face in SVG: the mouth curves from sad (1) to happy (5). */
function Face({ value }: { value: number }) {
  const curve = (value - 3) * 7; // -14 … +14
  const mouth = `M 30 ${66 - curve / 2} Q 50 ${66 + curve} 70 ${66 - curve / 2}`;
  return (
    <svg viewBox="0 0 100 100" className={`face face-${value}`} aria-hidden="true" focusable="false">
      <circle cx="50" cy="50" r="46" className="face-skin" />
      <circle cx="35" cy="40" r="6" className="face-eye" />
      <circle cx="65" cy="40" r="6" className="face-eye" />
      <path d={mouth} className="face-mouth" />
    </svg>
  );
}

interface SmileyProps {
  labelledBy: string;
  value: number | null;
  onChange(v: number): void;
  disabled?: boolean;
}

export function SmileyScale({ labelledBy, value, onChange, disabled }: SmileyProps) {
  const { t } = useTranslation();
  const [focusIndex, setFocusIndex] = useState(value ? value - 1 : 0);
  const refs = useRef<(HTMLDivElement | null)[]>([]);
  const moveTo = (i: number) => {
    const next = (i + FACES.length) % FACES.length;
    setFocusIndex(next);
    refs.current[next]?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>, i: number) => {
    if (disabled) return;
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') moveTo(i + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') moveTo(i - 1);
    else if (e.key === 'Home') moveTo(0);
    else if (e.key === 'End') moveTo(FACES.length - 1);
    else if (e.key === ' ' || e.key === 'Enter') onChange(FACES[i]!);
    else return;
    e.preventDefault();
  };
  const tabStop = value ? value - 1 : focusIndex;
  return (
    <div role="radiogroup" aria-labelledby={labelledBy} className="smiley-scale" aria-disabled={disabled || undefined}>
      {FACES.map((f, i) => (
        <div
          key={f}
          ref={(el) => {
            refs.current[i] = el;
          }}
          role="radio"
          aria-checked={value === f}
          aria-label={t(`enums.smiley.${f}`)}
          tabIndex={i === tabStop ? 0 : -1}
          className={`smiley ${value === f ? 'is-selected' : ''}`}
          onClick={() => !disabled && onChange(f)}
          onKeyDown={(e) => onKeyDown(e, i)}
          onFocus={() => setFocusIndex(i)}
        >
          <Face value={f} />
          <span className="smiley-label" aria-hidden="true">{t(`enums.smiley.${f}`)}</span>
        </div>
      ))}
    </div>
  );
}

interface ThermometerProps {
  id: string;
  legend: string;
  value: number | null;
  onChange(v: number): void;
  disabled?: boolean;
}

export function Thermometer({ id, legend, value, onChange, disabled }: ThermometerProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="thermometer" id={id}>
      <legend>
        {legend}{' '}
        <span className="thermometer-value">{value ? t('kindgesprek.scale_value', { n: value }) : t('kindgesprek.scale_none')}</span>
      </legend>
      <div className="thermometer-steps">
        {Array.from({ length: 10 }, (_, i) => i + 1).map((n) => (
          <span key={n} className="thermometer-step">
            <input type="radio" id={`${id}-${n}`} name={id} value={n} checked={value === n} disabled={disabled}
              onChange={() => onChange(n)} />
            <label htmlFor={`${id}-${n}`}>{n}</label>
          </span>
        ))}
      </div>
    </fieldset>
  );
}
