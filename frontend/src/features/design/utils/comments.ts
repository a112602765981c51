/**
 * The comments already on screen, changed in place after a post, an edit or a delete, so that
 * the list does not reload (and jump) under the reader.
 */
import type { InfiniteData } from '@tanstack/react-query';
import type { Comment, CommentPage } from '../types';

type Pages = InfiniteData<CommentPage>;

function mapComments(data: Pages, change: (comment: Comment) => Comment | null): Pages {
  const mapList = (list: readonly Comment[]): Comment[] =>
    list.flatMap((comment) => {
      const changed = change(comment);
      if (!changed) return [];
      return changed.replies ? [{ ...changed, replies: mapList(changed.replies) }] : [changed];
    });
  return { ...data, pages: data.pages.map((page) => ({ ...page, items: mapList(page.items) })) };
}

/** A new top-level comment goes last (oldest first); a reply goes last under its parent. */
export function addComment(data: Pages, comment: Comment): Pages {
  if (comment.parent_id === null) {
    const pages = [...data.pages];
    const last = pages.at(-1);
    if (!last) return data;
    pages[pages.length - 1] = { ...last, items: [...last.items, { ...comment, replies: [] }] };
    return { ...data, pages };
  }
  return mapComments(data, (existing) =>
    existing.id === comment.parent_id
      ? { ...existing, replies: [...(existing.replies ?? []), comment] }
      : existing,
  );
}

/** An edited comment keeps its place and its replies. */
export function replaceComment(data: Pages, comment: Comment): Pages {
  return mapComments(data, (existing) =>
    existing.id === comment.id
      ? { ...comment, ...(existing.replies ? { replies: existing.replies } : {}) }
      : existing,
  );
}

/** A deleted comment with replies stays, emptied, to keep the conversation; others go. */
export function removeComment(data: Pages, id: string): Pages {
  return mapComments(data, (existing) => {
    if (existing.id !== id) return existing;
    return existing.replies?.length ? { ...existing, deleted: true, body: '' } : null;
  });
}

/** The comments of every page loaded, without the repeats a post between pages can cause. */
export function flattenComments(data: Pages): Comment[] {
  const seen = new Set<string>();
  return data.pages
    .flatMap((page) => page.items)
    .filter((comment) => {
      if (seen.has(comment.id)) return false;
      seen.add(comment.id);
      return true;
    });
}
