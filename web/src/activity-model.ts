// The activity tab's operations and shapes: interactions logged and follow-ups completed or
// rescheduled from the sidebar (see schema/schema.graphql), and who may do which.

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

// The caller and the lists come with the activity, so a new sign-in reads its own rights.
export const ACTIVITY_TAB = `query WidgetActivityTab($id: ID!) {
  me { subject agent { agentId name } permissions { capabilities } }
  outcomes: choices(list: OUTCOME) { value label }
  moods: choices(list: MOOD) { value label }
  customer(id: $id) {
    id
    interactions(first: 50) {
      totalCount
      edges { node { id type purpose subject outcome mood occurredAt loggedByAgent { name } } }
    }
    followUps(first: 50) {
      totalCount
      edges { node { id assignee { agentId name } dueAt instructions status outcome completedAt } }
    }
  }
}`;

const ERRORS = "errors { field code message }";

export const LOG_INTERACTION = `mutation WidgetLogInteraction($input: LogInteractionInput!) {
  logInteraction(input: $input) { interaction { id subject } followUp { id } ${ERRORS} }
}`;

export const COMPLETE_FOLLOW_UP = `mutation WidgetCompleteFollowUp($input: CompleteFollowUpInput!) {
  completeFollowUp(input: $input) { followUp { id status outcome } ${ERRORS} }
}`;

export const RESCHEDULE_FOLLOW_UP = `mutation WidgetRescheduleFollowUp(
    $input: RescheduleFollowUpInput!) {
  rescheduleFollowUp(input: $input) { followUp { id dueAt } ${ERRORS} }
}`;

/** May the caller log interactions for customers it reaches? */
export function mayLog(me: ActivityMe | null): boolean {
  return me?.permissions.capabilities.includes("WRITE_ACTIVITY") ?? false;
}

/**
 * May the caller complete (or reschedule) this open follow-up? Its own (assigned to it) with
 * the OWN capability, any with the ANY one; the gateway decides again on every call.
 */
export function mayAct(
  me: ActivityMe | null,
  action: "complete" | "reschedule",
  followUp: OpenFollowUp,
): boolean {
  if (!me || followUp.status !== "OPEN") return false;
  const caps = me.permissions.capabilities;
  const verb = action.toUpperCase();
  return (
    caps.includes(`${verb}_ANY_FOLLOW_UP`) ||
    (followUp.assignee?.agentId === me.subject && caps.includes(`${verb}_OWN_FOLLOW_UP`))
  );
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
