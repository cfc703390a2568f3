import type { z } from 'zod';
import { AppError, type FieldIssue } from '@qn/domain';

export function zodIssuesToFields(error: z.ZodError): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const keys = (issue as { keys?: string[] }).keys;
    if (issue.code === 'unrecognized_keys' && keys) {
      for (const k of keys) out.push({ field: [...issue.path, k].join('.'), message: 'unknown field' });
    } else {
      out.push({ field: issue.path.join('.') || 'body', message: issue.message });
    }
  }
  return out;
}

/** Parses input or throws a validation AppError listing every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw AppError.validation(zodIssuesToFields(r.error));
  return r.data;
}
