import { useRef, useState, type ChangeEvent } from 'react';
import type { FormErrors } from '@/lib/errors';
import { focusFirstInvalid, useFormErrors } from './use-form-errors';

/**
 * The text fields of one form: their values and errors, the props that bind a field to them,
 * and showing errors with focus on the first field in error (fields in the order of `order`).
 */
export function useFormFields<F extends string>(
  order: readonly F[],
  initial: Record<F, string>,
  /** Called after any field is edited (e.g. to hide an earlier success message). */
  onEdit?: () => void,
) {
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState(initial);
  const { errors, setErrors, clearField } = useFormErrors<F>();

  /** Props for a field: its name, value and error; editing it drops its old error. */
  const bind = (name: F) => ({
    name,
    value: values[name],
    error: errors.fields[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.target;
      setValues((current) => ({ ...current, [name]: value }));
      clearField(name);
      onEdit?.();
    },
  });

  /** Show these errors and focus the first field in error; true when any field has one. */
  const showErrors = (next: FormErrors<F>): boolean => {
    setErrors(next);
    focusFirstInvalid(formRef.current, order, next.fields);
    return Object.keys(next.fields).length > 0;
  };

  /**
   * Show what the checks found (a message, or undefined for a field that passed), replacing
   * any earlier errors; true when a check failed.
   */
  const showCheckResults = (checks: Partial<Record<F, string | undefined>>): boolean => {
    const fields: Partial<Record<F, string>> = {};
    for (const field of order) {
      const message = checks[field];
      if (message) fields[field] = message;
    }
    return showErrors({ fields, form: null });
  };

  return { formRef, values, setValues, errors, bind, showErrors, showCheckResults };
}
