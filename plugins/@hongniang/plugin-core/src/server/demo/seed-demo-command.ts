import { Application } from '@nocobase/server';
import { seedDemoAgency } from './demo-agency';

/** `seed-demo --members N [--seed S]`: adds a deterministic demo agency (staff, then every plugin's demo records). */
export function seedDemoCommand(app: Application) {
  app
    .command('seed-demo')
    .preload()
    .option('--members <count>', 'how many members to add', '1000')
    .option('--seed <seed>', 'the same seed gives the same records', '1')
    .action(async (options: { members: string; seed: string }) => {
      const started = Date.now();
      let reported = 0;
      const summaries = await seedDemoAgency(app, {
        members: Number(options.members),
        seed: Number(options.seed),
        onProgress: (step, done, total) => {
          if (done === total || Date.now() - reported > 5000) {
            reported = Date.now();
            app.log.info(`[hongniang] demo ${step}: ${done} / ${total}`);
          }
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[hongniang] seeded a demo agency (${summaries.join(', ')}) in ${seconds} s`);
    });
}
