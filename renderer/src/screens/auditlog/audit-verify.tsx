// "Keten controleren": verifies every device's hash chain in this device's copy of the audit log.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../../../shared/contract/index.js';
import { ErrorMessage, SuccessMessage } from '../../components/status.js';
import { useAction } from '../../components/use-async.js';
import { useTransport } from '../../transport/transport.js';

export function AuditVerify() {
  const { t } = useTranslation();
  const transport = useTransport();
  const [result, setResult] = useState<Output<'audit:verify'> | null>(null);
  const verify = useAction(async () => {
    setResult(null);
    setResult(await transport.call('audit:verify', {}));
  });
  return (
    <section className="audit-verify" aria-labelledby="audit-verify-h">
      <h2 id="audit-verify-h" className="visually-hidden">{t('auditlog.verify')}</h2>
      <button type="button" onClick={() => void verify.run()} disabled={verify.busy} aria-describedby="audit-verify-result">
        {verify.busy ? t('auditlog.verifying') : t('auditlog.verify')}
      </button>
      <div id="audit-verify-result">
        {verify.error && <ErrorMessage>{verify.error}</ErrorMessage>}
        {result?.ok && <SuccessMessage>{t('auditlog.verify_ok', { events: result.events, devices: result.devices })}</SuccessMessage>}
        {result && !result.ok && (
          <ErrorMessage action={
            <ul>
              {result.breaks.map((b) => (
                <li key={b.deviceId}>
                  {t('auditlog.break_line', { device: b.deviceId, seq: b.seq, reason: t(`auditlog.reasons.${b.reason}`) })}
                </li>
              ))}
            </ul>
          }>{t('auditlog.verify_broken')}</ErrorMessage>
        )}
      </div>
    </section>
  );
}
