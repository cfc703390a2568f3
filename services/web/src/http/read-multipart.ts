import busboy from 'busboy';
import type { Request } from 'express';
import { AppError } from '@qn/domain';

export type MultipartUpload = {
  fields: Record<string, string>;
  file?: { bytes: Buffer; truncated: boolean; filename: string };
};

/**
 * Reads a `multipart/form-data` form with one file, never holding more than `maxFileBytes`
 * (plus one byte, to tell "too large" from "exactly the limit") of it in memory. Field values
 * are capped too; anything beyond one file is ignored.
 */
export function readMultipart(
  req: Request,
  opts: { maxFileBytes: number; fileField: string },
): Promise<MultipartUpload> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        limits: { files: 1, fields: 10, fieldSize: 2_000, fileSize: opts.maxFileBytes + 1, parts: 12 },
      });
    } catch {
      reject(AppError.validation([{ field: 'file', message: 'not a multipart form' }]));
      return;
    }
    const out: MultipartUpload = { fields: {} };
    parser.on('field', (name, value) => {
      out.fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== opts.fileField) {
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (c: Buffer) => {
        size += c.length;
        if (size <= opts.maxFileBytes + 1) chunks.push(c);
      });
      stream.on('end', () => {
        const bytes = Buffer.concat(chunks);
        out.file = {
          bytes,
          truncated:
            (stream as unknown as { truncated?: boolean }).truncated === true ||
            bytes.length > opts.maxFileBytes,
          filename: info.filename ?? '',
        };
      });
    });
    parser.on('error', () =>
      reject(AppError.validation([{ field: 'file', message: 'the upload broke off' }])),
    );
    parser.on('close', () => resolve(out));
    req.pipe(parser);
  });
}
