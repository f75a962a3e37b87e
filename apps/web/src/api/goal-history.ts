import { Api } from './client';
import { HistoryEntry, HistoryPage } from './types';

/** Every entry of a goal's history in stream order, page after page as the api gives them. */
export async function goalHistory(api: Api, goalId: string, options: { after?: string | null } = {}): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  let cursor: string | null = null;
  do {
    const page: HistoryPage = await api.get<HistoryPage>(`/goals/${goalId}/history${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`, options);
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return entries;
}
