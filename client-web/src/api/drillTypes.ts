import type { Author, PostAction } from './types';

/** A persona the coach plays in a drill. */
export interface Persona {
  id: number;
  name: string;
  description: string;
}

/** `assigned` (no post yet), `in_progress` (the post exists), `completed` (a coach said so). */
export type DrillStatus = 'assigned' | 'in_progress' | 'completed';

/** A drill: rehearsal under pressure (docs/API.md, "Drills"). */
export interface Drill {
  id: number;
  executive: Author;
  coach: Author;
  scenario: string;
  due_at: string;
  status: DrillStatus;
  overdue: boolean;
  post_id: number | null;
  personas: Persona[];
  created_at: string;
  started_at: string | null;
  completed_at: string | null;
}

export interface NewDrill {
  executive_id: number;
  scenario: string;
  due_at: string;
  personas: { name: string; description: string }[];
}

export interface DrillPostInput {
  drill_id: number;
  body: string;
  action: PostAction;
}
