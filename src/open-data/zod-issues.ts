// Turns zod issues into catalogue issues: a JSON path plus a short message a user can act on.
import type { z } from 'zod';
import { formatJsonPath, type OpenDataIssue } from './open-data-error.js';

/** One issue per zod issue; "expected string, received undefined" becomes "is required". */
export function zodIssuesToOpenDataIssues(error: z.ZodError): OpenDataIssue[] {
  return error.issues.map((issue) => ({
    path: formatJsonPath(issue.path),
    message:
      issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
        ? 'is required'
        : issue.message,
  }));
}
