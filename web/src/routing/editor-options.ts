// What the workflow editor's pickers offer: the workspace's queues, skills and teams, loaded once
// by the page and shared with every filter and step.
import { createContext, useContext } from 'react';
import type { Queue, Skill, Team } from '../api/types.ts';
import type { Problems } from '../admin/field-problems.tsx';

export interface EditorOptions {
  queues: Queue[];
  skills: Skill[];
  teams: Team[];
  problems: Problems;
}

export const EditorOptionsContext = createContext<EditorOptions>({ queues: [], skills: [], teams: [], problems: new Map() });

export const useEditorOptions = () => useContext(EditorOptionsContext);
