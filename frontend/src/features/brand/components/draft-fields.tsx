/**
 * Fields of the "new template" form that the shared ones do not cover: a text in both
 * languages, a set of checkboxes, and an SVG layer with its preview. Each field is named by the
 * server's path (`groups[0].options[1].layer_svg`), and its error sits right under it.
 */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from '@/components/text-area-field';
import type { Localized } from '@/types/studio';
import { lacksSvgNamespace, looksLikeSvg, svgDataUrl } from '../utils/svg';

export function FieldError({ id, path, message }: { id: string; path: string; message: string }) {
  return (
    <p id={id} className="field-error" data-testid={`field-error-${path}`}>
      {message}
    </p>
  );
}

interface LocalizedFieldsProps {
  path: string;
  /** What the text is: "Name", "Description". */
  label: string;
  value: Localized;
  onChange: (language: keyof Localized, text: string) => void;
  error: string | undefined;
  maxLength: number;
  multiline?: boolean;
  autoFocus?: boolean;
}

/** A text in English and French, side by side on a wide screen; one error for the pair. */
export function LocalizedFields({
  path,
  label,
  value,
  onChange,
  error,
  maxLength,
  multiline = false,
  autoFocus = false,
}: LocalizedFieldsProps) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = `${id}-error`;
  const languages = [
    { language: 'en', label: t('brand.new.inEnglish', { field: label }), lang: 'en' },
    { language: 'fr', label: t('brand.new.inFrench', { field: label }), lang: 'fr' },
  ] as const;

  return (
    <div className="brand-localized" data-invalid={error ? 'true' : undefined}>
      <div className="brand-form-grid brand-form-grid-wide">
        {languages.map((entry, index) => {
          const inputId = `${id}-${entry.language}`;
          const common = {
            id: inputId,
            name: `${path}.${entry.language}`,
            lang: entry.lang,
            value: value[entry.language],
            maxLength,
            'aria-invalid': error ? true : undefined,
            'aria-describedby': error ? errorId : undefined,
            autoFocus: autoFocus && index === 0,
          };
          return (
            <div key={entry.language} className="field" data-invalid={error ? 'true' : undefined}>
              <label htmlFor={inputId}>{entry.label}</label>
              {multiline ? (
                <textarea
                  {...common}
                  rows={3}
                  onChange={(event) => {
                    onChange(entry.language, event.target.value);
                  }}
                />
              ) : (
                <input
                  {...common}
                  type="text"
                  autoComplete="off"
                  onChange={(event) => {
                    onChange(entry.language, event.target.value);
                  }}
                />
              )}
            </div>
          );
        })}
      </div>
      {error ? <FieldError id={errorId} path={path} message={error} /> : null}
    </div>
  );
}

interface ChoiceSetProps<V extends string> {
  path: string;
  legend: string;
  choices: readonly { value: V; label: string }[];
  selected: readonly V[];
  onToggle: (value: V, checked: boolean) => void;
  error: string | undefined;
}

/** Checkboxes under a legend (allergens, dietary labels). */
export function ChoiceSet<V extends string>({
  path,
  legend,
  choices,
  selected,
  onToggle,
  error,
}: ChoiceSetProps<V>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset
      className="brand-choices"
      aria-describedby={error ? errorId : undefined}
      data-invalid={error ? 'true' : undefined}
    >
      <legend>{legend}</legend>
      <ul className="brand-choice-list">
        {choices.map((choice) => (
          <li key={choice.value}>
            <label className="brand-choice">
              <input
                type="checkbox"
                name={`${path}[]`}
                value={choice.value}
                checked={selected.includes(choice.value)}
                onChange={(event) => {
                  onToggle(choice.value, event.target.checked);
                }}
              />
              <span>{choice.label}</span>
            </label>
          </li>
        ))}
      </ul>
      {error ? <FieldError id={errorId} path={path} message={error} /> : null}
    </fieldset>
  );
}

interface SvgFieldProps {
  path: string;
  label: string;
  /** Names the preview for screen readers: "Preview of Cheddar". */
  previewLabel: string;
  value: string;
  onChange: (svg: string) => void;
  error: string | undefined;
  /** A layer drawn under this one in the preview (the template's base), faded. */
  underlay?: string | undefined;
}

/**
 * An SVG layer as markup, with a preview drawn as an <img> from a data: URL, as the studio
 * draws it: the markup never enters the page, so whatever it holds cannot run.
 */
export function SvgField({
  path,
  label,
  previewLabel,
  value,
  onChange,
  error,
  underlay,
}: SvgFieldProps) {
  const { t } = useTranslation();
  const complete = looksLikeSvg(value);
  const hint = lacksSvgNamespace(value) ? t('brand.new.svgNoNamespace') : t('brand.new.svgHint');
  return (
    <div className="brand-svg-field">
      <TextAreaField
        name={path}
        label={label}
        hint={hint}
        error={error}
        value={value}
        rows={5}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        className="brand-code"
        placeholder={'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400">…</svg>'}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <figure className="brand-svg-preview">
        {complete ? (
          <div className="brand-svg-canvas" role="img" aria-label={previewLabel}>
            {underlay && looksLikeSvg(underlay) ? (
              <img className="brand-svg-underlay" src={svgDataUrl(underlay)} alt="" />
            ) : null}
            <img src={svgDataUrl(value.trim())} alt="" data-testid={`svg-preview-${path}`} />
          </div>
        ) : (
          <div className="brand-svg-canvas brand-svg-empty">
            <span>{t('brand.new.previewEmpty')}</span>
          </div>
        )}
        <figcaption>{t('brand.new.preview')}</figcaption>
      </figure>
    </div>
  );
}
