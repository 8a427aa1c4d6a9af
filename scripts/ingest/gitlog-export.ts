// Reads a gzipped gitlog v1 export (the format of shared/data/gitlogs).
import { createReadStream, existsSync } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { InputError } from '../common/types.ts';

export async function streamGitlogExport(file: string, onChunk: (chunk: Buffer) => boolean): Promise<void> {
  if (!existsSync(file)) throw new InputError('export file does not exist', { file });
  const gunzip = createGunzip({ chunkSize: 256 * 1024 });
  const input = createReadStream(file, { highWaterMark: 256 * 1024 });
  input.on('error', (e) => gunzip.destroy(e));
  input.pipe(gunzip);
  // Only errors of the stream itself mean a bad gzip; an error the consumer throws
  // (a parse error naming file:line) must reach the caller unchanged.
  let consumerError: { error: unknown } | null = null;
  try {
    for await (const chunk of gunzip as AsyncIterable<Buffer>) {
      let more: boolean;
      try {
        more = onChunk(chunk);
      } catch (e) {
        consumerError = { error: e };
        break;
      }
      if (!more) break;
    }
  } catch (e) {
    const msg = (e as Error).message;
    throw new InputError(`corrupt or truncated gzip (${msg})`, { file });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (consumerError) throw consumerError.error;
}
