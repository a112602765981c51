/** The studio's addresses in the web app. */

export const newDesignPath = (templateId: string) =>
  `/design/new/${encodeURIComponent(templateId)}`;

export const editDesignPath = (id: string) => `/design/${encodeURIComponent(id)}/edit`;

/** Where the creator shares a design's royalties (drafts and published designs). */
export const coCreatorsPath = (id: string) => `/design/${encodeURIComponent(id)}/co-creators`;

/** A published (or withdrawn) design's public page, `/d/{slug}`; none for a draft. */
export function publicDesignPath(design: { slug: string | null }): string | null {
  return design.slug ? `/d/${encodeURIComponent(design.slug)}` : null;
}
