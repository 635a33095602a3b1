// Busy indicators and messages. Live regions so screen readers hear progress and failures.
import type { ReactNode } from 'react';

export function Busy({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <p role="status" aria-live="polite" className={`busy ${className ?? ''}`}>
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

export function ErrorMessage({ children, action }: { children: ReactNode; action?: ReactNode }) {
  return (
    <div role="alert" className="message message-error">
      <p>{children}</p>
      {action}
    </div>
  );
}

export function SuccessMessage({ children }: { children: ReactNode }) {
  return (
    <p role="status" aria-live="polite" className="message message-success">
      {children}
    </p>
  );
}
