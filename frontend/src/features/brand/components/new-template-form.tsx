import { useId, useRef, useState, type SubmitEventHandler } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { TextField } from '@/components/text-field';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { apiErrorMessage } from '@/lib/errors';
import type { Localized } from '@/types/studio';
import { useCreateTemplate } from '../api/create-template';
import { currencySymbol } from '../utils/amounts';
import { amountMessage, serverFieldMessage } from '../utils/field-errors';
import {
  NEW_TEMPLATE_CURRENCY,
  buildNewTemplate,
  emptyGroup,
  emptyTemplate,
  placeServerErrors,
  slugify,
  withoutError,
  type TemplateDraft,
} from '../utils/new-template';
import { templateSearch } from '../utils/paths';
import { LocalizedFields, SvgField } from './draft-fields';
import { GroupFields, type DraftChange } from './new-group-fields';

/**
 * A whole new template: its names, prices and base drawing, then its groups of options and
 * every option. Each error, the form's or the server's, shows beside its field; once created,
 * the console opens the new template.
 */
export function NewTemplateForm() {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const create = useCreateTemplate();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<TemplateDraft>(emptyTemplate);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [slugEdited, setSlugEdited] = useState(false);
  /** The group or option just added, whose first field takes the focus. */
  const [addedKey, setAddedKey] = useState<string | null>(null);
  const currency = NEW_TEMPLATE_CURRENCY;
  const symbol = currencySymbol(currency, format.language);

  /** An edit to one field: the draft changes and that field's error goes. */
  const change: DraftChange = (path, recipe) => {
    setDraft(recipe);
    setErrors((current) => withoutError(current, path));
  };
  /** Groups or options added or removed: errors by position no longer point at the same thing. */
  const restructure = (recipe: (draft: TemplateDraft) => TemplateDraft, added: string | null) => {
    setDraft(recipe);
    setAddedKey(added);
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith('groups'))),
    );
  };

  /** Shows the errors, then puts the keyboard on the first field to fix (or the summary). */
  const showErrors = (fields: Record<string, string>, messages: string[]) => {
    flushSync(() => {
      setErrors(fields);
      setGeneral(messages);
    });
    const first = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (first) first.focus();
    else summaryRef.current?.focus();
  };

  const onSubmit: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    if (create.isPending) return;
    const built = buildNewTemplate(draft, currency, {
      amount: (problem, kind) => amountMessage(problem, kind, t, format.language),
      zeroLimit: t('brand.settings.maxPrepZero'),
    });
    if (built.errors) {
      showErrors(built.errors, [t('validation.fixFields')]);
      return;
    }
    setGeneral([]);
    create.mutate(built.body, {
      onSuccess: (created) => {
        void navigate(`/brand${templateSearch(created.id)}`);
      },
      onError: (error) => {
        if (error instanceof ApiError && error.fieldErrors.length > 0) {
          const placed = placeServerErrors(error.fieldErrors, draft, (fieldError) =>
            serverFieldMessage(fieldError, t),
          );
          showErrors(placed.fields, [t('validation.fixFields'), ...placed.general]);
        } else {
          showErrors({}, [apiErrorMessage(error, t)]);
        }
      },
    });
  };

  const setText = (field: 'name' | 'description') => (language: keyof Localized, text: string) => {
    change(field, (current) => {
      const next = { ...current, [field]: { ...current[field], [language]: text } };
      if (field === 'name' && language === 'en' && !slugEdited) next.slug = slugify(text);
      return next;
    });
  };
  const bind = (
    field:
      | 'slug'
      | 'base_price'
      | 'base_cost'
      | 'base_prep_seconds'
      | 'max_prep_seconds'
      | 'base_layer_svg',
  ) => ({
    name: field,
    value: draft[field],
    error: errors[field],
    autoComplete: 'off',
    onChange: (event: { target: { value: string } }) => {
      const value = event.target.value;
      if (field === 'slug') setSlugEdited(true);
      change(field, (current) => ({ ...current, [field]: value }));
    },
  });

  const busy = create.isPending;
  return (
    <section aria-labelledby={titleId} className="section" data-testid="new-template">
      <h2 id={titleId}>{t('brand.new.title')}</h2>
      <p className="muted">{t('brand.new.lead')}</p>
      <form
        ref={formRef}
        className="form brand-new-form"
        noValidate
        onSubmit={onSubmit}
        aria-busy={busy}
        aria-labelledby={titleId}
      >
        {general.length > 0 ? (
          <div ref={summaryRef} tabIndex={-1} className="brand-summary">
            <Alert tone="error" testId="new-template-error">
              {general.map((message, index) => (
                <p key={index}>{message}</p>
              ))}
            </Alert>
          </div>
        ) : null}

        <fieldset className="brand-section-fieldset">
          <legend>{t('brand.new.identity')}</legend>
          <LocalizedFields
            path="name"
            label={t('brand.new.name')}
            value={draft.name}
            onChange={setText('name')}
            error={errors.name}
            maxLength={80}
          />
          <TextField
            {...bind('slug')}
            label={t('brand.new.slug')}
            hint={t('brand.new.slugHint')}
            maxLength={48}
            autoCapitalize="off"
            spellCheck={false}
          />
          <LocalizedFields
            path="description"
            label={t('brand.new.description')}
            value={draft.description}
            onChange={setText('description')}
            error={errors.description}
            maxLength={500}
            multiline
          />
        </fieldset>

        <fieldset className="brand-section-fieldset">
          <legend>{t('brand.new.figures')}</legend>
          <div className="brand-form-grid">
            <TextField
              {...bind('base_price')}
              label={t('brand.settings.basePrice', { currency: symbol })}
              inputMode="decimal"
            />
            <TextField
              {...bind('base_cost')}
              label={t('brand.settings.baseCost', { currency: symbol })}
              inputMode="decimal"
            />
            <TextField
              {...bind('base_prep_seconds')}
              label={t('brand.settings.basePrep')}
              hint={t('brand.settings.inSeconds')}
              inputMode="numeric"
            />
            <TextField
              {...bind('max_prep_seconds')}
              label={t('brand.settings.maxPrep')}
              hint={t('brand.settings.maxPrepHint')}
              inputMode="numeric"
            />
          </div>
        </fieldset>

        <fieldset className="brand-section-fieldset">
          <legend>{t('brand.new.baseLayer')}</legend>
          <SvgField
            path="base_layer_svg"
            label={t('brand.new.baseLayerSvg')}
            previewLabel={t('brand.new.previewOf', { name: t('brand.new.baseLayer') })}
            value={draft.base_layer_svg}
            error={errors.base_layer_svg}
            onChange={(svg) => {
              change('base_layer_svg', (current) => ({ ...current, base_layer_svg: svg }));
            }}
          />
        </fieldset>

        <section className="brand-draft-groups" aria-labelledby={`${titleId}-groups`}>
          <h3 id={`${titleId}-groups`}>{t('brand.new.groups')}</h3>
          {errors.groups ? (
            <p className="field-error" data-testid="field-error-groups">
              {errors.groups}
            </p>
          ) : null}
          {draft.groups.map((group, gi) => (
            <GroupFields
              key={group.key}
              draft={draft}
              group={group}
              groupIndex={gi}
              errors={errors}
              change={change}
              restructure={restructure}
              addedKey={addedKey}
              currency={currency}
            />
          ))}
          <button
            type="button"
            className="button button-ghost"
            onClick={() => {
              const group = emptyGroup(draft.groups.length);
              restructure(
                (current) => ({ ...current, groups: [...current.groups, group] }),
                group.key,
              );
            }}
          >
            {t('brand.new.addGroup')}
          </button>
        </section>

        <p className="brand-notice">{t('brand.new.checkBeforeCreating')}</p>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('brand.new.submitting') : t('brand.new.submit')}
          </button>
          <Link to="/brand" className="button button-ghost">
            {t('brand.cancel')}
          </Link>
        </div>
      </form>
    </section>
  );
}
