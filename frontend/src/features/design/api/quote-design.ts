import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import { apiClient } from '@/lib/api-client';
import type { Language } from '@/lib/i18n';
import type { Choice, Quote } from '../types';

export interface QuoteInput {
  template_id: string;
  choices: Choice[];
}

/**
 * POST /api/v1/designs/quote (public, saves nothing): price, nutrition, allergens and what is
 * still missing for a selection. A 422 `validation_failed` lists impossible choices.
 */
export function quoteDesign(input: QuoteInput, signal?: AbortSignal): Promise<Quote> {
  return apiClient.post<Quote>('/designs/quote', input, { signal });
}

/**
 * The live quote of the studio. The language is part of the key because the server words the
 * unfinished rules in it. While a new selection is being priced the previous quote stays.
 */
export function useQuote(input: QuoteInput | null, language: Language) {
  return useQuery({
    queryKey: ['quote', language, input] as const,
    queryFn: input ? ({ signal }) => quoteDesign(input, signal) : skipToken,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
