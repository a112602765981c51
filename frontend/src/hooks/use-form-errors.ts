import { useCallback, useState } from 'react';
import type { FormErrors } from '@/lib/errors';

/** Errors of one form: beside each field, and one for the whole form. */
export function useFormErrors<F extends string>() {
  const [errors, setErrors] = useState<FormErrors<F>>({ fields: {}, form: null });

  /** The user edited a field: its old error no longer applies. */
  const clearField = useCallback((field: F) => {
    setErrors((current) => {
      if (current.fields[field] === undefined) return current;
      const fields = Object.fromEntries(
        Object.entries(current.fields).filter(([name]) => name !== field),
      ) as Partial<Record<F, string>>;
      return { ...current, fields };
    });
  }, []);

  const reset = useCallback(() => {
    setErrors({ fields: {}, form: null });
  }, []);

  return { errors, setErrors, clearField, reset };
}

/** Move focus to the first field in error, so keyboard and screen-reader users land on it. */
export function focusFirstInvalid<F extends string>(
  form: HTMLFormElement | null,
  order: readonly F[],
  fields: Partial<Record<F, string>>,
): void {
  const first = order.find((name) => fields[name] !== undefined);
  if (!form || !first) return;
  const element = form.elements.namedItem(first);
  if (element instanceof HTMLElement) element.focus();
}
