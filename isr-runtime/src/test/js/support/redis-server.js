// A real redis-server for the tests (Debian's `redis-server`, installed by .ci/run): started on
// 127.0.0.1 on a free port, without persistence, stopped by the test that started it (and killed
// when the test process exits, whatever happened). Also used by examples/blog's tests.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

const READY = /Ready to accept connections/;
const START_TIMEOUT_MS = 10_000;
const running = new Set();
const killAll = () => { for (const child of running) child.kill('SIGKILL'); };
process.on('exit', killAll);
// a test run stopped from outside (a timeout, Ctrl-C) must not leave servers behind either
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export class RedisServer {
  #child = null;
  port = 0;

  /** Starts a server on a free port; restarts it on the same port after stop(). */
  static async start() {
    const server = new RedisServer();
    server.port = await freePort();
    await server.restart();
    return server;
  }

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async restart() {
    if (this.#child) throw new Error('redis-server is already running');
    const child = spawn('redis-server', [
      '--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
    ], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    this.#child = child;
    let output = '';
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`redis-server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error.code === 'ENOENT'
          ? new Error('redis-server is not installed: apt-get install -y redis-server (.ci/run does it)')
          : error);
      });
      child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`redis-server exited with ${code}:\n${output}`)); });
      child.stdout.on('data', (chunk) => {
        output += chunk;
        if (READY.test(output)) { clearTimeout(timer); resolve(); }
      });
    }).catch((error) => {
      this.#forget(child);
      throw error;
    });
  }

  /** Freezes the server (SIGSTOP): it keeps its connections but answers nothing, as a hung server. */
  pause() {
    this.#child.kill('SIGSTOP');
  }

  resume() {
    this.#child.kill('SIGCONT');
  }

  /** Stops the server (SIGKILL: gone at once, as a crashed server is) and waits for its exit. */
  async stop() {
    const child = this.#child;
    if (!child) return;
    const exited = new Promise((resolve) => { child.once('exit', resolve); });
    child.kill('SIGKILL');
    await exited;
    this.#forget(child);
  }

  #forget(child) {
    running.delete(child);
    if (this.#child === child) this.#child = null;
  }
}
