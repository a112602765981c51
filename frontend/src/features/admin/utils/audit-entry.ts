/** How an audit entry's ids and detail are shown to the admin reading the log. */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** Account ids, and most target ids, are UUIDs. */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}

/** A UUID cut to its first eight digits (the full id goes in a title); other ids stay whole. */
export function shortId(id: string): string {
  return isUuid(id) ? `${id.slice(0, 8)}…` : id;
}

/**
 * The detail, indented for reading, or null when it says nothing (`{}` or blank). Text that is
 * not JSON is shown as the server sent it rather than hidden.
 */
export function prettyDetail(detail: string): string | null {
  if (!detail.trim()) return null;
  let value: unknown;
  try {
    value = JSON.parse(detail);
  } catch {
    return detail;
  }
  if (value === null) return null;
  if (typeof value === 'object' && Object.keys(value).length === 0) return null;
  return JSON.stringify(value, null, 2);
}
