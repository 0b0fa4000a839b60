// The follow-up assignee picker's lookup: agents by name from the gateway's `agents` query,
// the latest answer only, and the options to offer (the current assignee first).

import type { ReactiveController, ReactiveControllerHost } from "lit";
import type { Agent } from "./model.js";

export type FindAgents = (query: string) => Promise<Agent[]>;

export class AgentLookup implements ReactiveController {
  query = "";
  found: Agent[] = [];
  /** Announced in a status line: how many agents the last lookup found. */
  status = "";
  private asked = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly find: () => FindAgents | null,
    /** The label of the select the found agents go to, named in the status line. */
    private readonly field = "Assignee",
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Look agents up; an earlier answer arriving late is dropped. */
  async search(query: string): Promise<void> {
    this.query = query;
    const asked = ++this.asked;
    const find = this.find();
    if (!find) return;
    this.host.requestUpdate();
    try {
      const found = await find(query.trim());
      if (asked !== this.asked) return;
      this.found = found;
      this.status = found.length
        ? `${found.length} agent${found.length === 1 ? "" : "s"} found; choose one under ${this.field}.`
        : "No agent found.";
    } catch {
      if (asked === this.asked) this.status = "Agents could not be looked up.";
    }
    this.host.requestUpdate();
  }

  /** The options: the current assignee first (by name when known), then the matches. */
  choices(current: string, known: Agent[]): Agent[] {
    const named = [...this.found, ...known].find((agent) => agent.agentId === current);
    const rest = this.found.filter((agent) => agent.agentId !== current);
    return current ? [named ?? { agentId: current, name: current }, ...rest] : rest;
  }
}
