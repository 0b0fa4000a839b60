// The GraphQL operations the widget sends (see schema/schema.graphql).

const NOTE = `id customerId authorId author { name } subject body category type scope importance
  pinned tags version createdAt updatedAt`;

export const ME = `query WidgetMe {
  me { subject roles agent { id name } permissions { readableScopes writableScopes capabilities } }
}`;

export const CUSTOMER_NOTES = `query WidgetNotes($id: ID!, $category: NoteCategory,
    $type: NoteType, $tag: String) {
  customer(id: $id) {
    id name tags
    notes(first: 200, category: $category, type: $type, tag: $tag) { ${NOTE} }
  }
  controlledTags { tag }
}`;

export const SEARCH_NOTES = `query WidgetSearch($query: String!, $customerId: ID!,
    $category: NoteCategory, $type: NoteType, $tags: [String!]) {
  searchNotes(query: $query, customerId: $customerId, category: $category, type: $type,
              tags: $tags, first: 50) {
    totalCount hits { note { ${NOTE} } }
  }
}`;

export const NOTE_BY_ID = `query WidgetNote($id: ID!) { note(id: $id) { ${NOTE} } }`;

export const HISTORY = `query WidgetHistory($id: ID!) {
  note(id: $id) {
    id history { version editorId editor { name } editedAt changes { field before after } }
  }
}`;

export const ACTIVITY = `query WidgetActivity($id: ID!) {
  customer(id: $id) {
    id
    interactions { id type purpose subject outcome occurredAt loggedBy loggedByAgent { name } }
    followUps { id assigneeId assignee { name } dueAt instructions completedAt }
  }
}`;

export const AGENTS = `query WidgetAgents($query: String) {
  agents(query: $query, first: 20) { edges { node { id name role } } }
}`;

export const CREATE_NOTE = `mutation WidgetCreate($input: CreateNoteInput!) {
  createNote(input: $input) { note { ${NOTE} } errors { field code message } }
}`;

export const UPDATE_NOTE = `mutation WidgetUpdate($input: UpdateNoteInput!) {
  updateNote(input: $input) { note { ${NOTE} } errors { field code message } }
}`;

export const DELETE_NOTE = `mutation WidgetDelete($id: ID!) {
  deleteNote(id: $id) { note { id } errors { field code message } }
}`;

export const RESTORE_NOTE = `mutation WidgetRestore($id: ID!) {
  restoreNote(id: $id) { note { ${NOTE} } errors { field code message } }
}`;
