import { useRef, useState, type ChangeEvent, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '@/components/text-field';
import { focusFirstInvalid, useFormErrors } from '@/hooks/use-form-errors';
import {
  ACTION_MAX,
  AUDIT_FIELDS,
  TARGET_ID_MAX,
  checkFilters,
  filtersToParams,
  hasFilters,
  normalizeFilters,
  type AuditField,
  type AuditFilters,
} from '../utils/audit-filters';

interface AuditFilterFormProps {
  /** The filters in the address, which the list shows. */
  filters: AuditFilters;
  /** What is wrong with those filters: the form's own checks, or the server's 422. */
  errors: Partial<Record<AuditField, string>>;
  onApply: (filters: AuditFilters) => void;
  onClear: () => void;
}

/** The audit log's filters. Nothing is asked of the server until the form is sent. */
export function AuditFilterForm({
  filters,
  errors: standing,
  onApply,
  onClear,
}: AuditFilterFormProps) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<AuditFilters>(filters);
  const { errors, setErrors, clearField, reset } = useFormErrors<AuditField>();

  // The address changed under the form (a "filter by" link, Back, Clear): show what it holds.
  // Adjusted while rendering rather than by remounting, so focus stays on the Filter button.
  const search = filtersToParams(filters).toString();
  const [shownSearch, setShownSearch] = useState(search);
  if (shownSearch !== search) {
    setShownSearch(search);
    setValues(filters);
    reset();
  }

  const field = (name: AuditField) => ({
    name,
    value: values[name],
    // A message about the filters being shown holds while its field still has that value.
    error: errors.fields[name] ?? (values[name] === filters[name] ? standing[name] : undefined),
    onChange: (event: ChangeEvent<HTMLInputElement>) => {
      const { value } = event.target;
      setValues((current) => ({ ...current, [name]: value }));
      clearField(name);
    },
  });

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    const next = normalizeFilters(values);
    const problems = checkFilters(next);
    const fields: Partial<Record<AuditField, string>> = {};
    for (const name of AUDIT_FIELDS) {
      const problem = problems[name];
      if (problem) fields[name] = t(problem);
    }
    if (Object.keys(fields).length > 0) {
      setErrors({ fields, form: null });
      focusFirstInvalid(formRef.current, AUDIT_FIELDS, fields);
      return;
    }
    onApply(next);
  };

  return (
    <form
      ref={formRef}
      className="form audit-filters"
      role="search"
      aria-label={t('audit.filters')}
      noValidate
      onSubmit={onSubmit}
      data-testid="audit-filters"
    >
      <div className="audit-filter-grid">
        <TextField
          {...field('action')}
          label={t('audit.fields.action')}
          hint={t('audit.hints.action')}
          maxLength={ACTION_MAX}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          {...field('actor_id')}
          label={t('audit.fields.actor_id')}
          hint={t('audit.hints.actor_id')}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          {...field('target_type')}
          label={t('audit.fields.target_type')}
          hint={t('audit.hints.target_type')}
          maxLength={ACTION_MAX}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          {...field('target_id')}
          label={t('audit.fields.target_id')}
          maxLength={TARGET_ID_MAX}
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField {...field('from')} type="date" label={t('audit.fields.from')} />
        <TextField
          {...field('to')}
          type="date"
          label={t('audit.fields.to')}
          hint={t('audit.hints.to')}
          min={values.from || undefined}
        />
      </div>
      <div className="button-row">
        <button type="submit" className="button button-primary">
          {t('audit.apply')}
        </button>
        {hasFilters(filters) ? (
          <button type="button" className="button button-ghost" onClick={onClear}>
            {t('audit.clear')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
