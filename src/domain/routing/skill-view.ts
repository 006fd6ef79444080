// A skill as the admin UI lists it. Node-free (src/contract).
export interface SkillView {
  id: string;
  name: string;
  /** Agents who have this skill at any level. */
  agentCount: number;
}
