// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { nl } from '../../../../shared/i18n/nl.js';
import { AppHeader } from '../../components/app-header.js';
import { parseHash, paths } from '../../router/router.js';
import { useSession } from '../../stores/session-store.js';
import { id } from '../../test/data.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { renderWith } from '../../test/render.js';

const profile = (role: 'beheerder' | 'consulent', linked = true) => ({ userId: id(1), name: 'Bea', role, associationName: 'SWV', linked });
beforeEach(() => useSession.setState({ profile: undefined }));

describe('Auditlog in the navigation', () => {
  it('is a route, and a nav item for the beheerder (privacy officer) only; standalone, the one user is their own', () => {
    expect(parseHash(paths.auditlog)).toEqual({ name: 'auditlog' });
    const fake = fakeTransport({ 'sync:status': () => { throw new Error('offline'); } });
    useSession.setState({ profile: profile('beheerder') } as never);
    const { unmount } = renderWith(<AppHeader showNav />, fake);
    expect(screen.getByRole('link', { name: nl.auditlog.nav })).toHaveAttribute('href', paths.auditlog);
    unmount();
    useSession.setState({ profile: profile('consulent') } as never);
    const linked = renderWith(<AppHeader showNav />, fake);
    expect(screen.queryByRole('link', { name: nl.auditlog.nav })).toBeNull();
    linked.unmount();
    useSession.setState({ profile: profile('consulent', false) } as never);
    renderWith(<AppHeader showNav />, fake);
    expect(screen.getByRole('link', { name: nl.auditlog.nav })).toHaveAttribute('href', paths.auditlog);
  });
});
