import type { ApiClient } from './client';
import type { CoachingEvidence, LevelSuggestion } from './evidenceTypes';
import type { TrainingLevel, User } from './types';

/** Coaching evidence and level suggestions (docs/API.md, "Coaching evidence"). */
export function evidenceEndpoints(client: ApiClient) {
  return {
    coachingEvidence(userId: number, weeks: number, signal?: AbortSignal): Promise<CoachingEvidence> {
      return client.request('GET', `/analytics/users/${userId}/coaching`, { query: { weeks: String(weeks) }, signal });
    },
    levelSuggestions(signal?: AbortSignal): Promise<{ items: LevelSuggestion[] }> {
      return client.request('GET', '/coaching/level-suggestions', { signal });
    },
    acceptLevelSuggestion(executiveId: number, level: TrainingLevel): Promise<{ user: User }> {
      return client.request('POST', `/coaching/level-suggestions/${executiveId}/accept`, { body: { level } });
    },
    dismissLevelSuggestion(executiveId: number, level: TrainingLevel): Promise<{ user: User; dismissed: boolean }> {
      return client.request('POST', `/coaching/level-suggestions/${executiveId}/dismiss`, { body: { level } });
    },
  };
}
