// Commission handlers: commission:* except the PDFs (packs, letters, notulen: commission-pdf.ts).
import type { Meeting } from '../../shared/contract/index.js';
import type { Handler, HandlerContext } from './index.js';
import { docMapped } from './arrangements.js';

export function commissionHandlers(ctx: HandlerContext) {
  const c = ctx.repos.commission;
  const { meetings, decisions } = c;
  /** Runs a change and answers with the meeting as it is now. */
  const then = (meetingId: string, fn: () => void): Meeting => {
    docMapped(fn);
    return docMapped(() => meetings.present(meetingId));
  };
  return {
    'commission:settings': () => c.settings(),
    'commission:saveSettings': (s) => c.saveSettings(s),
    'commission:inbox': () => c.inbox(),
    'commission:sendBack': ({ subjectType, subjectId, note }) => {
      docMapped(() => decisions.sendBack(subjectType, subjectId, note));
      return { subjectId, status: 'aanvullen' as const };
    },
    'commission:meetings': ({ includePast }) => meetings.list(includePast),
    'commission:meeting': ({ id }) => docMapped(() => meetings.present(id)),
    'commission:createMeeting': ({ meeting }) => docMapped(() => meetings.present(meetings.create(meeting))),
    'commission:saveMeeting': ({ meetingId, baseRevision, meeting }) => then(meetingId, () => meetings.save(meetingId, baseRevision, meeting)),
    'commission:addItem': ({ meetingId, baseRevision, subjectType, subjectId }) =>
      then(meetingId, () => meetings.addItem(meetingId, baseRevision, subjectType, subjectId)),
    'commission:removeItem': ({ meetingId, baseRevision, itemId }) => then(meetingId, () => meetings.removeItem(meetingId, baseRevision, itemId)),
    'commission:moveItem': ({ meetingId, baseRevision, itemId, to }) => then(meetingId, () => meetings.moveItem(meetingId, baseRevision, itemId, to)),
    'commission:saveItem': (input) => then(input.meetingId, () => meetings.saveItem(input)),
    'commission:decide': ({ meetingId, baseRevision, itemId, decision }) =>
      then(meetingId, () => decisions.decide(meetingId, baseRevision, itemId, decision)),
    'commission:saveNotulen': ({ meetingId, baseRevision, notulen }) => then(meetingId, () => decisions.saveNotulen(meetingId, baseRevision, notulen)),
    'commission:finaliseNotulen': ({ meetingId, baseRevision }) => then(meetingId, () => decisions.finalise(meetingId, baseRevision)),
    'commission:markLettersSent': ({ meetingId, baseRevision, itemId }) =>
      then(meetingId, () => decisions.markLettersSent(meetingId, baseRevision, itemId)),
  } satisfies {
    [K in 'commission:settings' | 'commission:saveSettings' | 'commission:inbox' | 'commission:sendBack' | 'commission:meetings'
      | 'commission:meeting' | 'commission:createMeeting' | 'commission:saveMeeting' | 'commission:addItem' | 'commission:removeItem'
      | 'commission:moveItem' | 'commission:saveItem' | 'commission:decide' | 'commission:saveNotulen' | 'commission:finaliseNotulen'
      | 'commission:markLettersSent']: Handler<K>;
  };
}
