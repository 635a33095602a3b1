import { create } from 'zustand';
import type { Profile, VaultState } from '../../../shared/contract/index.js';

interface SessionState {
  vault: VaultState | null;
  /** `undefined`: not asked yet; `null`: first-run setup still to do. */
  profile: Profile | null | undefined;
  setVault(vault: VaultState | null): void;
  setProfile(profile: Profile | null | undefined): void;
}

export const useSession = create<SessionState>((set) => ({
  vault: null,
  profile: undefined,
  setVault: (vault) => set({ vault }),
  setProfile: (profile) => set({ profile }),
}));
