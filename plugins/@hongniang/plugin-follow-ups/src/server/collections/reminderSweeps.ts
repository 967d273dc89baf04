import { defineCollection } from '@nocobase/database';

/**
 * How far each reminder kind has been swept (reminders/sweep.ts): the last agency day whose reminders were written, or the
 * last moment for kinds counted in hours. Server-only (no interface, no grant): a restart starts where the last process
 * stopped, so what fell due in between is delivered late rather than lost.
 */
export default defineCollection({
  name: 'reminderSweeps',
  fields: [
    { name: 'kind', type: 'string', unique: true },
    { name: 'sweptDay', type: 'string' },
    // The reminders' clock at the last sweep (what fell due after it and long before the next is late).
    { name: 'sweptAt', type: 'date' },
    // The server's clock when the last sweep began: records changed after it are read again by the next.
    { name: 'scannedAt', type: 'date' },
  ],
});
