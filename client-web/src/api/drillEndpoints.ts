import type { ApiClient } from './client';
import type { Drill, DrillPostInput, NewDrill } from './drillTypes';
import type { Post, Reply } from './types';

/** Drills (docs/API.md, "Drills"). */
export function drillEndpoints(client: ApiClient) {
  return {
    drills(executiveId: number, signal?: AbortSignal): Promise<{ items: Drill[]; next: string | null }> {
      return client.request('GET', '/drills', { query: { executive: String(executiveId), limit: '100' }, signal });
    },
    drill(id: number, signal?: AbortSignal): Promise<{ drill: Drill }> {
      return client.request('GET', `/drills/${id}`, { signal });
    },
    assignDrill(drill: NewDrill): Promise<{ drill: Drill }> {
      return client.request('POST', '/drills', { body: drill });
    },
    completeDrill(id: number): Promise<{ drill: Drill }> {
      return client.request('POST', `/drills/${id}/complete`);
    },
    writeDrillPost(input: DrillPostInput): Promise<{ post: Post }> {
      return client.request('POST', '/posts', { body: { ...input, space: 'practice' } });
    },
    personaReply(postId: number, body: string, personaId: number): Promise<{ reply: Reply }> {
      return client.request('POST', `/posts/${postId}/replies`, { body: { body, persona_id: personaId } });
    },
  };
}
