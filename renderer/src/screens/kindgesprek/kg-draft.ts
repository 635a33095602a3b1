// The kindgesprek as the screens hold it: every topic present, in the order they are asked.
// The editor is the shared AutosaveEditor over kindgesprek:save.
import { kindgesprekInputSchema, type Kindgesprek, type KindgesprekInput } from '../../../../shared/contract/index.js';
import { KG_TOPICS, type KgTopic } from '../../../../shared/domain/mdo.js';
import { issuesOf } from '../../../../shared/domain/validation.js';
import { AutosaveEditor } from '../../components/autosave.js';
import type { Transport } from '../../transport/transport.js';

export interface TopicDraft {
  topic: KgTopic;
  smiley: number | null;
  nu: number | null;
  doel: number | null;
  woorden: string;
}

export type KgDraft = Required<Omit<KindgesprekInput, 'topics'>> & { topics: TopicDraft[] };

export function draftFromKg(k: Kindgesprek): KgDraft {
  const { id: _i, dossierId: _d, status: _s, revision: _r, afgerondAt: _a, createdAt: _c, updatedAt: _u, topics, ...rest } = k;
  return {
    ...rest,
    topics: KG_TOPICS.map((topic) => {
      const found = topics.find((x) => x.topic === topic);
      return found ? { ...found } : { topic, smiley: null, nu: null, doel: null, woorden: '' };
    }),
  };
}

export const toKgInput = (d: KgDraft): KindgesprekInput => ({ ...d, topics: d.topics.map((x) => ({ ...x })) });

export function kgClientIssues(d: KgDraft): Record<string, string> {
  const parsed = kindgesprekInputSchema.safeParse(toKgInput(d));
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of issuesOf(parsed.error)) out[issue.path] ??= issue.key;
  return out;
}

export type KgEditor = AutosaveEditor<KgDraft, Kindgesprek>;

export function createKgEditor(transport: Transport, initial: Kindgesprek, delayMs?: number): KgEditor {
  return new AutosaveEditor<KgDraft, Kindgesprek>(
    {
      toDraft: draftFromKg,
      validate: kgClientIssues,
      send: (draft, saved) =>
        transport.call('kindgesprek:save', { id: saved.id, baseRevision: saved.revision, kindgesprek: toKgInput(draft) }),
      readOnly: (k) => k.status !== 'concept',
    },
    initial,
    delayMs,
  );
}

/** Edit one topic of the draft. */
export const withTopic = (i: number, patch: Partial<TopicDraft>) => (d: KgDraft): KgDraft => ({
  ...d,
  topics: d.topics.map((x, j) => (j === i ? { ...x, ...patch } : x)),
});
