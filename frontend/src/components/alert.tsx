import type { ReactNode } from 'react';

/** A message about a whole form or page. Errors interrupt screen readers; news does not. */
export function Alert({
  tone,
  children,
  testId,
}: {
  tone: 'error' | 'success' | 'info';
  children: ReactNode;
  testId?: string;
}) {
  return (
    <div
      className={`alert alert-${tone}`}
      role={tone === 'error' ? 'alert' : 'status'}
      data-testid={testId}
    >
      {children}
    </div>
  );
}

/** Why a form could not be sent, when no single field could carry the message. */
export function FormError({ message }: { message: string | null | undefined }) {
  return message ? (
    <Alert tone="error" testId="form-error">
      {message}
    </Alert>
  ) : null;
}
