// A JSON object body whose shape a domain parser checks (SLA policies and calendars, the routing
// workflow: their parsers name each problem in the editor's terms). Still read by validate('json'),
// so it is JSON by Content-Type like every other body.
import { z } from 'zod';

export const jsonObject = z.record(z.string(), z.unknown(), { error: 'the body must be a JSON object' });
