import { useMemo, useRef, useState, type SubmitEventHandler } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { TextAreaField } from '@/components/text-area-field';
import { TextField } from '@/components/text-field';
import { useDebouncedValue } from '@/hooks/use-debounced-value';
import { useFormatters } from '@/hooks/use-formatters';
import { ApiError } from '@/lib/api-client';
import { apiErrorMessage } from '@/lib/errors';
import type { Template } from '@/types/studio';
import { useCreateDesign } from '../api/create-design';
import { useDeleteDesign } from '../api/delete-design';
import { usePublishDesign } from '../api/publish-design';
import { useQuote } from '../api/quote-design';
import { useUpdateDesign } from '../api/update-design';
import type { Choice, Design, DesignDraft } from '../types';
import {
  NAME_MAX,
  STORY_MAX,
  TAGS_MAX,
  TAG_MAX,
  checkDetails,
  parseTags,
  textLength,
  type DetailField,
} from '../utils/details';
import { NO_ERRORS, placeDesignErrors, type PlacedErrors } from '../utils/errors';
import { editDesignPath, publicDesignPath } from '../utils/paths';
import { studioPicture } from '../utils/picture';
import { choicesFromSelection, selectionFromChoices, type Selection } from '../utils/selection';
import { OptionGroup } from './option-group';
import { QuotePanel } from './quote-panel';

/** How long the selection must rest before it is priced again. */
const QUOTE_DEBOUNCE_MS = 150;
const DETAIL_FIELDS: readonly DetailField[] = ['name', 'story', 'tags'];

interface StudioEditorProps {
  template: Template;
  /** The draft being edited; none for a new design. Read once, when the studio opens. */
  design: Design | null;
}

/**
 * What the studio is doing. Its buttons say so with aria-disabled rather than `disabled`: a
 * disabled button drops the keyboard focus on the floor.
 */
type Busy = 'save' | 'publish' | 'delete' | null;

/**
 * The studio: the template's groups to choose from, the design's words, and a live summary
 * priced by the server. A new design becomes a draft on its first save (the address then
 * changes to the draft's, so a reload finds it again); publishing saves first.
 */
export function StudioEditor({ template, design }: StudioEditorProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const formRef = useRef<HTMLFormElement>(null);
  const generalRef = useRef<HTMLDivElement>(null);

  const [opened] = useState(() =>
    design ? selectionFromChoices(design.choices, template) : { selection: {}, dropped: 0 },
  );
  const [designId, setDesignId] = useState(design?.id ?? null);
  const [selection, setSelection] = useState<Selection>(opened.selection);
  const [name, setName] = useState(design?.name ?? '');
  const [story, setStory] = useState(design?.story ?? '');
  const [tagsText, setTagsText] = useState(design?.tags.join(', ') ?? '');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);

  const createMutation = useCreateDesign();
  const updateMutation = useUpdateDesign();
  const publishMutation = usePublishDesign();
  const deleteMutation = useDeleteDesign();

  const choices = useMemo(() => choicesFromSelection(selection, template), [selection, template]);
  const tags = useMemo(() => parseTags(tagsText), [tagsText]);
  const groupOf = useMemo(() => {
    const groups = new Map<string, string>();
    for (const group of template.groups) {
      for (const option of group.options) groups.set(option.id, group.id);
    }
    return (optionId: string) => groups.get(optionId);
  }, [template]);

  const priced = useDebouncedValue(choices, QUOTE_DEBOUNCE_MS);
  const quote = useQuote({ template_id: template.id, choices: priced }, format.language);
  const quoteRefusal =
    quote.error instanceof ApiError && quote.error.status === 422
      ? placeDesignErrors(quote.error.fieldErrors, priced, groupOf)
      : null;
  const quoteProblem = quote.isError
    ? quoteRefusal
      ? [t('studio.impossible'), ...quoteRefusal.general].join(' ')
      : apiErrorMessage(quote.error, t)
    : null;

  const picture = useMemo(
    () => studioPicture(template, new Set(choices.map((choice) => choice.option_id))),
    [template, choices],
  );

  const groupErrors = (groupId: string) => [
    ...new Set([...(errors.groups[groupId] ?? []), ...(quoteRefusal?.groups[groupId] ?? [])]),
  ];

  const changeGroup = (groupId: string) => (change: (current: Selection) => Selection) => {
    setSelection(change);
    setNotice(null);
    setErrors((current) => ({
      ...current,
      groups: Object.fromEntries(Object.entries(current.groups).filter(([id]) => id !== groupId)),
      general: [],
    }));
  };

  const changeField = (field: DetailField, set: (value: string) => void) => (value: string) => {
    set(value);
    setNotice(null);
    setErrors((current) => {
      if (current.fields[field] === undefined) return current;
      const fields = Object.fromEntries(
        Object.entries(current.fields).filter(([name]) => name !== field),
      ) as PlacedErrors['fields'];
      return { ...current, fields };
    });
  };

  const focusGroup = (groupId: string) => {
    const fieldset = document.getElementById(`group-${groupId}`);
    fieldset?.scrollIntoView({ block: 'start' });
    fieldset?.querySelector<HTMLInputElement>('input:not(:disabled)')?.focus({
      preventScroll: true,
    });
  };

  /** Keyboard and screen-reader users land on the first thing to fix. */
  const focusFirstError = (placed: PlacedErrors) => {
    const group = template.groups.find((g) => (placed.groups[g.id]?.length ?? 0) > 0);
    if (group) {
      focusGroup(group.id);
      return;
    }
    const field = DETAIL_FIELDS.find((name) => placed.fields[name] !== undefined);
    const element = field ? formRef.current?.elements.namedItem(field) : null;
    if (element instanceof HTMLElement) element.focus();
    else generalRef.current?.focus();
  };

  const showFailure = (error: unknown, sent: readonly Choice[]) => {
    let placed: PlacedErrors;
    if (error instanceof ApiError && error.fieldErrors.length > 0) {
      placed = placeDesignErrors(error.fieldErrors, sent, groupOf);
      if (placed.general.length === 0) placed.general.push(t('validation.fixFields'));
    } else {
      placed = { ...NO_ERRORS, general: [apiErrorMessage(error, t)] };
    }
    setErrors(placed);
    focusFirstError(placed);
  };

  /** The words as the server will judge them; false (and the reasons shown) if they fail. */
  const checkWords = (publishing: boolean): boolean => {
    const problems = checkDetails({ name, story, tags }, { publishing });
    const fields: PlacedErrors['fields'] = {};
    for (const field of DETAIL_FIELDS) {
      const problem = problems[field];
      if (problem) fields[field] = t(problem.key, problem);
    }
    if (Object.keys(fields).length === 0) return true;
    const placed = { ...NO_ERRORS, fields, general: [t('validation.fixFields')] };
    setErrors(placed);
    focusFirstError(placed);
    return false;
  };

  const save = async (publishing: boolean): Promise<Design | null> => {
    setNotice(null);
    if (!checkWords(publishing)) return null;
    setErrors(NO_ERRORS);
    const draft: DesignDraft = { choices, name: name.trim(), story, tags };
    try {
      if (designId) return await updateMutation.mutateAsync({ id: designId, draft });
      const created = await createMutation.mutateAsync({ template_id: template.id, ...draft });
      setDesignId(created.id);
      // The draft's own address, so a reload or a shared tab finds it; focus stays here.
      void navigate(editDesignPath(created.id), { replace: true, state: { keepFocus: true } });
      return created;
    } catch (error) {
      showFailure(error, draft.choices);
      return null;
    }
  };

  /**
   * One action at a time. The ref, not the state, guards: a second click can arrive before
   * React has re-rendered with `busy` set.
   */
  const running = useRef(false);
  const runOnce = (kind: NonNullable<Busy>, task: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(kind);
    void task().finally(() => {
      running.current = false;
      setBusy(null);
    });
  };

  const onSaveDraft: SubmitEventHandler<HTMLFormElement> = (event) => {
    event.preventDefault();
    runOnce('save', async () => {
      if (await save(false)) setNotice(t('studio.saved'));
    });
  };

  const onPublish = () => {
    runOnce('publish', async () => {
      const saved = await save(true);
      if (!saved) return;
      try {
        const published = await publishMutation.mutateAsync(saved.id);
        await navigate(publicDesignPath(published) ?? '/design');
      } catch (error) {
        // `choices[i]` in the answer counts the choices as the server keeps them.
        showFailure(error, saved.choices);
      }
    });
  };

  const onDelete = () => {
    if (!designId) return;
    runOnce('delete', async () => {
      try {
        await deleteMutation.mutateAsync(designId);
        await navigate('/design', { replace: true });
      } catch (error) {
        setConfirmingDelete(false);
        showFailure(error, choices);
      }
    });
  };

  const latest = quote.data;
  return (
    <form
      ref={formRef}
      className="studio"
      noValidate
      onSubmit={onSaveDraft}
      aria-busy={busy !== null}
      data-testid="studio"
    >
      <div className="studio-main">
        {opened.dropped > 0 ? (
          <Alert tone="info">{t('studio.droppedOptions', { count: opened.dropped })}</Alert>
        ) : null}
        {template.groups.map((group) => (
          <OptionGroup
            key={group.id}
            group={group}
            selection={selection}
            errors={groupErrors(group.id)}
            onChange={changeGroup(group.id)}
          />
        ))}

        <section className="card studio-details" aria-labelledby="studio-details-title">
          <h2 id="studio-details-title">{t('studio.details')}</h2>
          {design?.remix_of ? (
            <p className="muted">
              {t('designPage.remixOf')}{' '}
              <Link to={`/d/${encodeURIComponent(design.remix_of.slug)}`}>
                {design.remix_of.name}
              </Link>{' '}
              {t('designPage.by', { name: design.remix_of.creator_name })}
            </p>
          ) : null}
          <TextField
            name="name"
            label={t('studio.name')}
            hint={t('studio.nameHint', { max: NAME_MAX })}
            autoComplete="off"
            value={name}
            onChange={(event) => {
              changeField('name', setName)(event.target.value);
            }}
            error={errors.fields.name}
          />
          <TextAreaField
            name="story"
            label={t('studio.story')}
            hint={t('studio.storyHint', { max: STORY_MAX, length: textLength(story) })}
            rows={5}
            value={story}
            onChange={(event) => {
              changeField('story', setStory)(event.target.value);
            }}
            error={errors.fields.story}
          />
          <TextField
            name="tags"
            label={t('studio.tags')}
            hint={t('studio.tagsHint', { max: TAGS_MAX, length: TAG_MAX })}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={tagsText}
            onChange={(event) => {
              changeField('tags', setTagsText)(event.target.value);
            }}
            error={errors.fields.tags}
          />
          {tags.length > 0 ? (
            <ul className="tags" aria-label={t('studio.tagsPreview')}>
              {tags.map((tag) => (
                <li key={tag} className="tag">
                  #{tag}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      </div>

      <QuotePanel
        picture={picture}
        pictureLabel={t('studio.pictureOf', { name: name.trim() || format.text(template.name) })}
        quote={latest}
        updating={quote.isFetching || priced !== choices}
        problem={quoteProblem}
        onGoToGroup={focusGroup}
        actions={
          <div className="studio-actions">
            {errors.general.length > 0 ? (
              <div ref={generalRef} tabIndex={-1} className="studio-general-error">
                <Alert tone="error" testId="studio-error">
                  {errors.general.join(' ')}
                </Alert>
              </div>
            ) : null}
            {notice ? (
              <Alert tone="success" testId="studio-notice">
                {notice}
              </Alert>
            ) : null}
            <button
              type="button"
              className="button button-primary button-block"
              aria-disabled={busy !== null}
              onClick={() => {
                onPublish();
              }}
            >
              {busy === 'publish' ? t('studio.publishing') : t('studio.publish')}
            </button>
            <button
              type="submit"
              className="button button-ghost button-block"
              aria-disabled={busy !== null}
            >
              {busy === 'save' ? t('studio.saving') : t('studio.saveDraft')}
            </button>
            {designId ? (
              confirmingDelete ? (
                <div className="confirm" role="group" aria-labelledby="confirm-delete-text">
                  <p id="confirm-delete-text">{t('studio.confirmDelete')}</p>
                  <div className="confirm-actions">
                    <button
                      type="button"
                      className="button button-danger"
                      aria-disabled={busy !== null}
                      onClick={() => {
                        onDelete();
                      }}
                    >
                      {busy === 'delete' ? t('studio.deleting') : t('studio.deleteForGood')}
                    </button>
                    <button
                      type="button"
                      className="button button-ghost"
                      autoFocus
                      onClick={() => {
                        setConfirmingDelete(false);
                      }}
                    >
                      {t('studio.keepDraft')}
                    </button>
                  </div>
                </div>
              ) : (
                <button
                  type="button"
                  className="button button-link-danger"
                  aria-disabled={busy !== null}
                  onClick={() => {
                    setConfirmingDelete(true);
                  }}
                >
                  {t('studio.deleteDraft')}
                </button>
              )
            ) : null}
          </div>
        }
      />

      <div className="studio-bar" data-testid="studio-bar">
        <span className="studio-bar-price">{latest ? format.money(latest.price) : '—'}</span>
        <span className="studio-bar-state">
          {latest
            ? latest.ready_to_publish
              ? t('studio.ready')
              : t('studio.stillToDo', { count: latest.unfinished.length })
            : null}
        </span>
        <button
          type="button"
          className="button button-primary"
          onClick={() => {
            const summary = document.getElementById('studio-summary');
            summary?.scrollIntoView({ block: 'start' });
            summary?.focus({ preventScroll: true });
          }}
        >
          {t('studio.review')}
        </button>
      </div>
    </form>
  );
}
