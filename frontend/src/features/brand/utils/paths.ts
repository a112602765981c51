/** The console's own addresses: one page, the template or the form chosen in the query. */

/** The "new template" form. */
export const NEW_TEMPLATE_SEARCH = '?new=template';

/** One template's figures and options. */
export function templateSearch(templateId: string): string {
  return `?template=${encodeURIComponent(templateId)}`;
}
