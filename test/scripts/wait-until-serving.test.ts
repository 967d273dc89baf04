// What `npm start` waits for (scripts/lib/wait-until-serving.js): an app that answers, or one whose start failed.
import http from 'http';
import { AddressInfo } from 'net';
import { waitUntilServing } from '../../scripts/lib/wait-until-serving';

/** A stand-in for NocoBase's gateway: each health check gets the next answer (the last one repeats). */
async function gateway(answers: Array<{ status: number; body: unknown }>) {
  let served = 0;
  const server = http.createServer((request, response) => {
    const answer = answers[Math.min(served++, answers.length - 1)];
    response.writeHead(answer.status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const commanding = { status: 503, body: { error: { code: 'APP_COMMANDING', message: 'load plugin [ai], 49/86' } } };
const failed = { status: 503, body: { error: { code: 'APP_ERROR', message: 'Validation error', maintaining: true } } };

describe('waiting for the app to serve', () => {
  it('resolves once the app answers, however long it was installing', async () => {
    const { server, url } = await gateway([commanding, commanding, commanding, { status: 200, body: 'ok' }]);
    try {
      await expect(waitUntilServing({ url, intervalMs: 20, timeoutMs: 5000 })).resolves.toBeGreaterThanOrEqual(0);
    } finally {
      server.close();
    }
  });

  it("gives up with NocoBase's message when the start failed and the app keeps saying so", async () => {
    const { server, url } = await gateway([commanding, failed]);
    try {
      await expect(waitUntilServing({ url, intervalMs: 20, timeoutMs: 60000, failedAfterMs: 300 })).rejects.toThrow(
        'the app failed to start: Validation error',
      );
    } finally {
      server.close();
    }
  });

  it('waits on when a failure answer is followed by progress (not a failed start)', async () => {
    const { server, url } = await gateway([failed, commanding, commanding, { status: 200, body: 'ok' }]);
    try {
      await expect(
        waitUntilServing({ url, intervalMs: 20, timeoutMs: 5000, failedAfterMs: 1000 }),
      ).resolves.toBeGreaterThanOrEqual(0);
    } finally {
      server.close();
    }
  });
});
