// A failed console query keeps DuckDB's help: the first line for the status, the hint
// and the caret under the fault for the reader, from the browser's engine (DuckDB 0.9.1).
import { describe, expect, it } from 'vitest';
import { queryError } from '../../../src/client/query-error.ts';
import { nodeWasmEngine } from './node-wasm.ts';

async function failure(sql: string): Promise<unknown> {
  const engine = await nodeWasmEngine();
  return engine.query(sql, []).then(
    () => null,
    (e: unknown) => e,
  );
}

describe('queryError', () => {
  it('keeps the candidate bindings and the place of the fault', async () => {
    const e = await failure('SELECT quartr FROM (SELECT 1 AS quarter) AS quarters');
    expect(queryError(e)).toEqual({
      summary: 'Binder Error: Referenced column "quartr" not found in FROM clause!',
      hint: 'Candidate bindings: "quarters.quarter"',
      position: expect.stringMatching(/^LINE 1: SELECT quartr .*\n\s+\^$/),
    });
  }, 60_000);

  it('a one-line error has no hint and no position', () => {
    expect(queryError(new Error('Parser Error: syntax error at end of input'))).toEqual({ summary: 'Parser Error: syntax error at end of input', hint: null, position: null });
    expect(queryError('Catalog Error: Table with name quartrs does not exist!\nDid you mean "quarters"?\nLINE 1: SELECT * FROM quartrs\n                      ^')).toMatchObject({
      hint: 'Did you mean "quarters"?',
      position: 'LINE 1: SELECT * FROM quartrs\n                      ^',
    });
  });
});
