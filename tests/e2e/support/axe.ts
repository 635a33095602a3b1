// Accessibility check with axe-core: WCAG 2.0/2.1 A and AA. Serious and critical violations fail
// the test; every violation is printed so a failure says what to fix and where.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING = new Set(['serious', 'critical']);

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

export function formatViolations(violations: Violation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      - ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
        .join('\n');
      const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : '';
      return `  [${v.impact}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

export interface AxeOptions {
  /** CSS selectors to leave out (use sparingly, and say why at the call site). */
  exclude?: string[];
  /** Restrict the scan to part of the page. */
  include?: string;
}

/** Runs axe on the current page; throws when a serious or critical violation is found. */
export async function expectNoSeriousA11yViolations(page: Page, label: string, opts: AxeOptions = {}): Promise<void> {
  // The axe types reference @playwright/test's Page; playwright-core's is the same object.
  let builder = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).withTags(AXE_TAGS);
  if (opts.include) builder = builder.include(opts.include);
  for (const sel of opts.exclude ?? []) builder = builder.exclude(sel);
  const { violations } = await builder.analyze();
  const failing = violations.filter((v) => FAILING.has(v.impact ?? ''));
  const minor = violations.filter((v) => !FAILING.has(v.impact ?? ''));
  if (minor.length) console.warn(`axe (${label}): ${minor.length} minor/moderate violation(s):\n${formatViolations(minor)}`);
  if (failing.length) {
    throw new Error(`axe (${label}): ${failing.length} serious/critical accessibility violation(s):\n${formatViolations(failing)}`);
  }
}
