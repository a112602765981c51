import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/alert';
import { LoadingState } from '@/components/loading-state';
import { useFormatters } from '@/hooks/use-formatters';
import { apiErrorMessage } from '@/lib/errors';
import type { Availability } from '@/types/studio';
import { useBrandTemplate } from '../api/get-brand-template';
import { useUpdateOptionAvailability } from '../api/update-option';
import { useCanEditCatalog } from '../hooks/use-can-edit-catalog';
import type { BrandOption } from '../types';
import { GroupTable } from './option-table';
import { TemplateSettings } from './template-settings';

/**
 * One template: its own figures and status, then its groups as tables (price, cost, margin,
 * preparation and availability of each option), editable by curators and administrators.
 */
export function TemplateOptions({ templateId }: { templateId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const template = useBrandTemplate(templateId);
  const update = useUpdateOptionAvailability(templateId);
  const canEdit = useCanEditCatalog();
  const [failure, setFailure] = useState<string | null>(null);
  const titleId = useId();

  if (template.isPending) return <LoadingState label={t('brand.loadingTemplate')} />;
  if (template.isError) return <Alert tone="error">{apiErrorMessage(template.error, t)}</Alert>;
  const data = template.data;

  const onAvailability = (option: BrandOption, availability: Availability) => {
    setFailure(null);
    update.mutate(
      { optionId: option.id, availability },
      {
        onError: (error) => {
          setFailure(
            t('brand.availabilityFailed', {
              name: format.text(option.name),
              reason: apiErrorMessage(error, t),
            }),
          );
        },
      },
    );
  };

  return (
    <section aria-labelledby={titleId} className="section" data-testid="brand-template">
      <TemplateSettings template={data} titleId={titleId} canEdit={canEdit} />
      <h3 className="brand-options-title">{t('brand.options')}</h3>
      {canEdit ? <p className="brand-notice">{t('brand.publishedKeep')}</p> : null}
      {failure ? (
        <Alert tone="error" testId="availability-error">
          {failure}
        </Alert>
      ) : null}
      {data.groups.map((group) => (
        <GroupTable
          key={group.id}
          templateId={templateId}
          group={group}
          canEdit={canEdit}
          onAvailability={onAvailability}
          onFailure={setFailure}
        />
      ))}
    </section>
  );
}
