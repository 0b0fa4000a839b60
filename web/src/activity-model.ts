// The activity tab's operations and shapes: interactions logged and follow-ups completed,
// rescheduled, reassigned or cancelled from the sidebar (see schema/schema.graphql), the
// lists' pages, and who may do which.

import type { Agent, Connection } from "./model.js";

export const INTERACTION_TYPES = [
  "CALL",
  "VISIT",
  "EMAIL",
  "SMS",
  "SHOWROOM_VISIT",
  "MEETING",
  "DEMO",
  "FOLLOW_UP",
  "OTHER",
] as const;
export const INTERACTION_PURPOSES = ["SALES", "CREDIT_CONTROL", "SERVICE"] as const;

/** A value of an admin-managed list (`choices(list: OUTCOME|MOOD)`). */
export interface Choice {
  value: string;
  label: string;
}

export interface ActivityMe {
  subject: string;
  agent?: Agent | null;
  permissions: { capabilities: string[] };
}

export interface LoggedInteraction {
  id: string;
  type: string;
  purpose: string;
  subject: string;
  outcome: string | null;
  mood: string | null;
  occurredAt: string;
  loggedByAgent?: { name: string } | null;
}

export interface OpenFollowUp {
  id: string;
  assignee?: Agent | null;
  /** Who created it: its author may act on it like its assignee. */
  author?: Agent | null;
  dueAt: string;
  instructions: string | null;
  status: "OPEN" | "COMPLETED" | "CANCELLED";
  outcome: string | null;
  completedAt: string | null;
}

export interface ActivityAnswer {
  me: ActivityMe | null;
  outcomes: Choice[] | null;
  moods: Choice[] | null;
  customer: {
    interactions: Connection<LoggedInteraction> | null;
    followUps: Connection<OpenFollowUp> | null;
  } | null;
}

// The lists come a page at a time ("Load more" asks for the next one, after the last cursor).
export const ACTIVITY_PAGE = 50;

const PAGE = "totalCount pageInfo { hasNextPage endCursor }";
const INTERACTION = "id type purpose subject outcome mood occurredAt loggedByAgent { name }";
const FOLLOW_UP = `id assignee { agentId name } author { agentId name } dueAt instructions
  status outcome completedAt`;

// The caller and the lists come with the activity, so a new sign-in reads its own rights.
export const ACTIVITY_TAB = `query WidgetActivityTab($id: ID!, $first: Int!) {
  me { subject agent { agentId name } permissions { capabilities } }
  outcomes: choices(list: OUTCOME) { value label }
  moods: choices(list: MOOD) { value label }
  customer(id: $id) {
    id
    interactions(first: $first) { ${PAGE} edges { node { ${INTERACTION} } } }
    followUps(first: $first) { ${PAGE} edges { node { ${FOLLOW_UP} } } }
  }
}`;

export const MORE_INTERACTIONS = `query WidgetMoreInteractions($id: ID!, $first: Int!,
    $after: String!) {
  customer(id: $id) {
    id
    interactions(first: $first, after: $after) { ${PAGE} edges { node { ${INTERACTION} } } }
  }
}`;

export const MORE_FOLLOW_UPS = `query WidgetMoreFollowUps($id: ID!, $first: Int!, $after: String!) {
  customer(id: $id) {
    id
    followUps(first: $first, after: $after) { ${PAGE} edges { node { ${FOLLOW_UP} } } }
  }
}`;

const ERRORS = "errors { field code message }";

export const LOG_INTERACTION = `mutation WidgetLogInteraction($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id subject } followUp { id } ${ERRORS} }
}`;

// Each change answers with the whole follow-up, which replaces the one in the list in place
// (a reload would drop the pages loaded after the first).
export const COMPLETE_FOLLOW_UP = `mutation WidgetCompleteFollowUp($input: CompleteFollowUpInput!) {
  completeFollowUp(input: $input) { followUp { ${FOLLOW_UP} } ${ERRORS} }
}`;

export const RESCHEDULE_FOLLOW_UP = `mutation WidgetRescheduleFollowUp(
    $input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { ${FOLLOW_UP} } ${ERRORS} }
}`;

export const REASSIGN_FOLLOW_UP = `mutation WidgetReassignFollowUp($input: ReassignFollowUpInput!) {
  reassignFollowUp(input: $input) { followUp { ${FOLLOW_UP} } ${ERRORS} }
}`;

export const CANCEL_FOLLOW_UP = `mutation WidgetCancelFollowUp($input: CancelFollowUpInput!) {
  cancelFollowUp(input: $input) { followUp { ${FOLLOW_UP} } ${ERRORS} }
}`;

/** May the caller log interactions for customers it reaches? */
export function mayLog(me: ActivityMe | null): boolean {
  return me?.permissions.capabilities.includes("WRITE_ACTIVITY") ?? false;
}

export type FollowUpAction = "complete" | "reschedule" | "reassign" | "cancel";

/**
 * May the caller act on this open follow-up? As the policy decides it: a caller who handles
 * activity (WRITE_ACTIVITY) may with the ANY capability, or with the OWN one when it is the
 * follow-up's assignee or its author. Only the capabilities `me` lists are read (no roles);
 * the gateway decides again on every call.
 */
export function mayAct(me: ActivityMe | null, action: FollowUpAction, followUp: OpenFollowUp): boolean {
  if (!me || followUp.status !== "OPEN" || !mayLog(me)) return false;
  const caps = me.permissions.capabilities;
  const verb = action.toUpperCase();
  const own = [followUp.assignee?.agentId, followUp.author?.agentId].includes(me.subject);
  return caps.includes(`${verb}_ANY_FOLLOW_UP`) || (own && caps.includes(`${verb}_OWN_FOLLOW_UP`));
}

/** A datetime-local value for an instant, in the browser's time zone. */
export function localInput(date: Date): string {
  const shifted = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return shifted.toISOString().slice(0, 16);
}

/** A datetime-local value back to an ISO instant (null when empty or unreadable). */
export function isoOf(local: string): string | null {
  const date = new Date(local);
  return local && !Number.isNaN(date.getTime()) ? date.toISOString() : null;
}

/** A choice's label by its value (the value itself when the list no longer has it). */
export function choiceLabel(choices: Choice[], value: string | null): string {
  return value ? (choices.find((choice) => choice.value === value)?.label ?? value) : "";
}
