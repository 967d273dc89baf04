import { Application } from '@nocobase/server';
import { seedDemoAgency } from '../demo/seed-demo';

/** `seed-demo --members N [--seed S]`: fills the archive with a deterministic demo agency. */
export default function seedDemoCommand(app: Application) {
  app
    .command('seed-demo')
    .preload()
    .option('--members <count>', 'how many members to add', '1000')
    .option('--seed <seed>', 'the same seed gives the same members', '1')
    .action(async (options: { members: string; seed: string }) => {
      const started = Date.now();
      let reported = 0;
      const result = await seedDemoAgency(app, {
        members: Number(options.members),
        seed: Number(options.seed),
        onProgress: (done, total) => {
          if (done === total || Date.now() - reported > 5000) {
            reported = Date.now();
            app.log.info(`[hongniang] demo members: ${done} / ${total}`);
          }
        },
      });
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`[hongniang] seeded ${result.members} demo members and ${result.matchmakers} matchmakers in ${seconds} s`);
    });
}
