import type { AnchorHTMLAttributes, MouseEvent, Ref } from 'react';
import { navigate } from '../router/router.js';

interface LinkProps extends AnchorHTMLAttributes<HTMLAnchorElement> {
  to: string;
  linkRef?: Ref<HTMLAnchorElement>;
}

/** An in-app link: a real <a href> (open in new tab, screen readers) that goes through the leave guards. */
export function Link({ to, onClick, linkRef, ...rest }: LinkProps) {
  const handle = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void navigate(to);
  };
  return <a href={to} ref={linkRef} onClick={handle} {...rest} />;
}
