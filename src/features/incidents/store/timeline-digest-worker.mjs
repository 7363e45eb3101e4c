// Hashes every timeline row in a worker thread, on its own read-only connection, while the main thread walks the
// audit chain (see timeline-digests-in-worker.ts). Plain JavaScript: it runs as is, from src/ or dist/.
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const HEX = 64;
const { path, sql, pageSize, upTo } = workerData;

/** The row id at the head of its hash input, `<length>:<id>` then a newline (the SQL writes the id first). */
function idOf(input) {
  return Number(input.slice(input.indexOf(':') + 1, input.indexOf('\n')));
}

try {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const page = db.prepare(sql).pluck(true);
  const ids = [];
  let shas = Buffer.alloc(HEX * 4096);
  for (let after = 0; ; ) {
    const inputs = page.all(after, upTo, pageSize);
    if (shas.length < HEX * (ids.length + inputs.length)) shas = Buffer.concat([shas, Buffer.alloc(Math.max(shas.length, HEX * inputs.length))]);
    for (const input of inputs) {
      shas.write(hash('sha256', input, 'hex'), HEX * ids.length, HEX, 'latin1');
      ids.push(idOf(input));
    }
    if (inputs.length < pageSize) break;
    after = ids[ids.length - 1];
  }
  db.close();
  const packed = { ids: Float64Array.from(ids), shas: shas.subarray(0, HEX * ids.length) };
  parentPort.postMessage({ ok: true, ...packed }, [packed.ids.buffer, packed.shas.buffer]);
} catch (error) {
  parentPort.postMessage({ ok: false, problem: error instanceof Error ? error.message : String(error) });
}
