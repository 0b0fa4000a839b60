// The shapes the widget reads from and sends to the gateway, and the enum choices it offers.

export const CATEGORIES = ["GENERAL", "SUPPORT", "SALES", "PERSONAL"] as const;
export const NOTE_TYPES = [
  "INTERACTION_LOG",
  "ESCALATION",
  "FOLLOW_UP",
  "RESOLUTION",
  "SUPERVISOR",
  "TECHNICAL",
  "SENTIMENT",
] as const;
export const IMPORTANCE = ["LOW", "NORMAL", "HIGH", "CRITICAL"] as const;

// The gateway's limits (store/notes.py), checked before sending so a huge paste never travels.
export const MAX_SUBJECT = 300;
export const MAX_BODY = 100_000;

/** A person as the gateway shows it (fields the policy hides are null). */
export interface Agent {
  /** The raw key (what `assigneeId` and `me.subject` hold); the global `id` is not asked for. */
  agentId: string;
  name: string;
  role?: string | null;
}

export interface Me {
  subject: string;
  roles: string[];
  agent?: Agent | null;
  permissions: { readableScopes: string[]; writableScopes: string[]; capabilities: string[] };
}

/** A page of a list, as every list of the API answers (Relay cursor connections). */
export interface Connection<T> {
  totalCount?: number;
  pageInfo?: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

/** The items of a page, in order (none for a null list). */
export function nodes<T>(connection: Connection<T> | null | undefined): T[] {
  return connection ? connection.edges.map((edge) => edge.node) : [];
}

export interface Revision {
  version: number;
  editor?: { agentId: string; name: string } | null;
  editedAt: string;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface Note {
  id: string;
  customerId: string;
  author?: { agentId: string; name: string } | null;
  subject: string;
  body: string;
  category: string;
  type: string;
  scope: string;
  importance: string;
  pinned: boolean;
  tags: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface UserError {
  field: string | null;
  code: string;
  message: string;
}

/** What the editor holds: the fields of a note being written or edited. */
export interface NoteFields {
  subject: string;
  body: string;
  category: string;
  type: string;
  scope: string;
  importance: string;
  pinned: boolean;
  tags: string;
  followUp: boolean;
  assigneeId: string;
  dueAt: string;
  instructions: string;
}

/** May the caller edit (or delete) this note? Asked from the policy's capabilities. */
export function may(me: Me | null, action: "edit" | "delete", note: Note): boolean {
  const caps = me?.permissions.capabilities ?? [];
  const verb = action.toUpperCase();
  return (
    caps.includes(`${verb}_ANY_NOTE`) ||
    (note.author?.agentId === me?.subject && caps.includes(`${verb}_OWN_NOTE`))
  );
}

/** "INTERACTION_LOG" → "Interaction log". */
export function label(value: string): string {
  const words = value.toLowerCase().replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Comma separated tags → a clean list (the gateway normalises further). */
export function splitTags(text: string): string[] {
  return [...new Set(text.split(",").map((tag) => tag.trim()).filter(Boolean))];
}

export function emptyFields(scope: string, assignee: string): NoteFields {
  return {
    subject: "",
    body: "",
    category: "GENERAL",
    type: "INTERACTION_LOG",
    scope,
    importance: "NORMAL",
    pinned: false,
    tags: "",
    followUp: false,
    assigneeId: assignee,
    dueAt: "",
    instructions: "",
  };
}

export function fieldsOf(note: Note): NoteFields {
  return {
    ...emptyFields(note.scope, ""),
    subject: note.subject,
    body: note.body,
    category: note.category,
    type: note.type,
    importance: note.importance,
    pinned: note.pinned,
    tags: note.tags.join(", "),
  };
}

/** Limit problems found on the client, keyed like the gateway's `errors.field`. */
export function limitErrors(fields: NoteFields): UserError[] {
  const errors: UserError[] = [];
  if (fields.subject.length > MAX_SUBJECT) {
    errors.push({
      field: "subject",
      code: "TOO_LONG",
      message: `The subject is ${fields.subject.length} characters; the limit is ${MAX_SUBJECT}.`,
    });
  }
  if (fields.body.length > MAX_BODY) {
    errors.push({
      field: "body",
      code: "TOO_LONG",
      message:
        `The body is ${fields.body.length.toLocaleString("en")} characters; the limit is ` +
        `${MAX_BODY.toLocaleString("en")}. Shorten it before saving (nothing was sent).`,
    });
  }
  return errors;
}
