import { api, unwrap } from './client';
import type { paths } from './schema';

export type SearchQuery = NonNullable<paths['/api/v1/search']['get']['parameters']['query']>;
export type SearchResult = paths['/api/v1/search']['get']['responses'][200]['content']['application/json'];

/** Units and people in the actor's scope whose name contains the text. */
export function searchDirectory(query: SearchQuery): Promise<SearchResult> {
  return unwrap(api.GET('/api/v1/search', { params: { query } }));
}
