// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { nl } from '../../../../shared/i18n/nl.js';
import { fakeTransport } from '../../test/fake-transport.js';
import { id, WG_ID } from '../../test/data.js';
import { renderWith } from '../../test/render.js';
import { NewInnovationProject } from './arr-innovation.js';
import { makeArrangement } from './arr-screen.test.js';

const A = nl.arrangements;

describe('new innovation project (route 3)', () => {
  it('asks for a werkgebied first, then creates a route 3 project without a pupil dossier and opens it', async () => {
    const user = userEvent.setup();
    const fake = fakeTransport({ 'arrangements:create': () => makeArrangement({ id: id(701), route: 3, dossierId: null }) });
    renderWith(<NewInnovationProject werkgebieden={[{ id: WG_ID, name: 'Alkmaar-Noord', schoolCount: 2 }]} />, fake);
    await user.click(screen.getByRole('button', { name: A.innovation_create }));
    expect(screen.getByText(nl.validation.werkgebied_required)).toBeInTheDocument();
    expect(fake.inputsOf('arrangements:create')).toHaveLength(0);
    await user.selectOptions(screen.getByLabelText(A.innovation_werkgebied), WG_ID);
    await user.click(screen.getByRole('button', { name: A.innovation_create }));
    await waitFor(() => expect(fake.inputsOf('arrangements:create')).toHaveLength(1));
    expect(fake.inputsOf('arrangements:create')[0]!.arrangement).toMatchObject({ route: 3, dossierId: null, werkgebiedId: WG_ID, targets: ['team'] });
    await waitFor(() => expect(window.location.hash).toBe(`#/arrangementen/${id(701)}`));
  });
});
