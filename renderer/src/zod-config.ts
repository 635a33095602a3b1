// Imported first by main.tsx. Zod 4 probes `new Function('')` to decide whether it may compile
// parsers; the CSP forbids eval, so the probe would be reported as a violation. Tell Zod not to try.
import { z } from 'zod';

z.config({ jitless: true });
