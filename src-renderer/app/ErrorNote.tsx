import type { ShownError } from './call-error';

/** An inline refusal under a form: translated message, the core's detail in small print. `testId` defaults to `form-error`. */
export function ErrorNote({ error, testId = 'form-error' }: { error: ShownError | { message: string; detail?: string; code?: string } | null; testId?: string }) {
  if (!error) return null;
  return (
    <div className="error-note" role="alert" data-testid={testId} data-error-code={'code' in error ? error.code : undefined}>
      <p>{error.message}</p>
      {error.detail && <small>{error.detail}</small>}
    </div>
  );
}
