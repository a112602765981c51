/** What a design's status allows: being seen, rated and commented on, withdrawn. */
import type { DesignStatus } from '../types';

/** Published and not withdrawn: on its public page, in the running or past it. */
export function isLive(status: DesignStatus): boolean {
  return status !== 'draft' && status !== 'withdrawn';
}

/** The statuses of a design that reached the brand. */
export type BrandStatus = Extract<
  DesignStatus,
  'shortlisted' | 'approved' | 'changes_requested' | 'rejected' | 'listed'
>;

/** It reached the brand: in the review queue, or the brand has decided. */
export function reachedBrand(status: DesignStatus): status is BrandStatus {
  return (
    status === 'shortlisted' ||
    status === 'approved' ||
    status === 'changes_requested' ||
    status === 'rejected' ||
    status === 'listed'
  );
}

/**
 * Its creator may take it down, unless the brand approved it or it is on the menu: then the
 * listing decides (declining the offer, or the brand retiring it).
 */
export function canWithdraw(status: DesignStatus): boolean {
  return isLive(status) && status !== 'approved' && status !== 'listed';
}
