"""Query cost: an estimate of what an operation may resolve, checked before it runs.

Depth, alias and token limits bound the document, not the work: 26 aliases of
``customers(first: 100)`` with orders, tickets and notes nested at 100 pass all three and
resolve millions of objects. The estimate multiplies list sizes down the selection:

- every object a field resolves costs its weight (1 unless `CostModel.weights` says otherwise;
  0 for the `VALUE_OBJECTS` read from their parent's row);
  scalars and enums cost nothing (the response size cap bounds them), introspection is free;
- a list field resolves ``first`` (or ``last``) items when it takes that argument — the
  variable's value, else the argument's default, capped at the most the field accepts (a
  larger page is refused by its resolver, with INVALID, before any work; neither given: the
  page the resolver defaults to) — and otherwise the model's list size;
- a connection (an object field with ``first``/``last``) hands its page size to the lists
  directly inside it (``edges``);
- ``@skip`` / ``@include`` are ignored: the estimate is an upper bound.

An operation over `CostModel.limit` is refused with QUERY_TOO_COSTLY (its cost and the limit in
``extensions``) right after parsing: it is neither validated nor executed. The walk tolerates
what validation would reject (unknown fields cost nothing), so its figure is a lower bound.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    VariableNode,
    get_named_type,
    get_nullable_type,
    is_leaf_type,
    is_list_type,
)
from graphql.utilities import get_operation_ast
from strawberry.extensions import SchemaExtension

from core.errors import GatewayError
from core.settings import Settings
from store.pagination import DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE
from store.reports import MAX_ROWS

_SIZE_ARGUMENTS = ("first", "last")
# The largest page each paged field accepts (others: MAX_PAGE_SIZE); see store/.
PAGE_LIMITS = {"Query.noteReport": MAX_ROWS}
# The page a field returns when neither `first` nor `last` is given and neither argument has
# a default in the schema (others: DEFAULT_PAGE_SIZE); see the fields' resolvers.
PAGE_DEFAULTS = {"Query.noteReport": 100}


# Objects read from the row of their parent (no query, no upstream call): free, like scalars.
VALUE_OBJECTS = {
    f"{parent}.{name}": 0.0
    for parent in ("Note", "Interaction")
    for name in ("sentiment", "urgency")
}


class QueryTooCostly(GatewayError):
    """The operation's estimated cost exceeds the limit; nothing was executed."""

    code = "QUERY_TOO_COSTLY"


@dataclass(frozen=True)
class CostModel:
    """Limit, unpaged list size, and per-field overrides (keys ``Type.field``)."""

    limit: int
    list_size: int = 10
    weights: Mapping[str, float] = field(default_factory=dict)
    list_sizes: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> CostModel:
        """The limit, list size and overrides the settings ask for."""
        return cls(
            limit=settings.max_query_cost,
            list_size=settings.query_cost_list_size,
            weights=settings.query_cost_weights,
            list_sizes=settings.query_cost_list_sizes,
        )

    def weight(self, parent: str, name: str) -> float:
        """What one object of ``parent.name`` costs."""
        key = f"{parent}.{name}"
        return self.weights.get(key, VALUE_OBJECTS.get(key, 1.0))

    def unpaged_size(self, parent: str, name: str) -> int:
        """How many items a list field without a size argument is assumed to hold."""
        return self.list_sizes.get(f"{parent}.{name}", self.list_size)


def estimate_cost(
    schema: GraphQLSchema,
    document: DocumentNode,
    operation_name: str | None,
    variables: Mapping[str, Any] | None,
    model: CostModel,
) -> int:
    """The estimated cost of the named (or only) operation of a validated document."""
    operation = get_operation_ast(document, operation_name)
    if operation is None:
        return 0
    root = schema.get_root_type(operation.operation)
    if root is None:
        return 0
    walk = _Walk(schema, document, operation, variables or {}, model)
    return round(walk.selection(root, operation.selection_set, 1.0, None))


class _Walk:
    def __init__(
        self,
        schema: GraphQLSchema,
        document: DocumentNode,
        operation: OperationDefinitionNode,
        variables: Mapping[str, Any],
        model: CostModel,
    ) -> None:
        self.schema = schema
        self.model = model
        self.variables = variables
        self.fragments = {
            d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)
        }
        self.variable_defaults: dict[str, Any] = {}
        for definition in operation.variable_definitions or ():
            if isinstance(definition.default_value, IntValueNode):
                self.variable_defaults[definition.variable.name.value] = int(
                    definition.default_value.value
                )

    def selection(
        self,
        parent: Any,
        selection_set: SelectionSetNode | None,
        multiplier: float,
        page: int | None,
        spreading: frozenset[str] = frozenset(),
    ) -> float:
        if selection_set is None or not isinstance(
            parent, GraphQLObjectType | GraphQLInterfaceType
        ):
            return 0.0
        total = 0.0
        for node, owner, seen in self._fields(parent, selection_set, spreading):
            total += self.field(owner, node, multiplier, page, seen)
        return total

    def _fields(
        self, parent: Any, selection_set: SelectionSetNode, spreading: frozenset[str]
    ) -> Iterator[tuple[FieldNode, Any, frozenset[str]]]:
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent, spreading
            elif isinstance(selection, InlineFragmentNode):
                owner = self._condition(selection.type_condition, parent)
                yield from self._fields(owner, selection.selection_set, spreading)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is None or name in spreading:
                    continue
                owner = self._condition(fragment.type_condition, parent)
                yield from self._fields(owner, fragment.selection_set, spreading | {name})

    def _condition(self, condition: Any, parent: Any) -> Any:
        if condition is None:
            return parent
        return self.schema.get_type(condition.name.value) or parent

    def field(
        self,
        parent: Any,
        node: FieldNode,
        multiplier: float,
        page: int | None,
        spreading: frozenset[str],
    ) -> float:
        name = node.name.value
        if name.startswith("__"):
            return 0.0  # introspection: bounded by the schema itself
        definition: GraphQLField | None = parent.fields.get(name)
        if definition is None:
            return 0.0
        named = get_named_type(definition.type)
        if is_leaf_type(named):
            return 0.0
        size = self._size(node, definition)
        if size is None and any(name in definition.args for name in _SIZE_ARGUMENTS):
            size = PAGE_DEFAULTS.get(f"{parent.name}.{name}", DEFAULT_PAGE_SIZE)
        if size is not None:
            size = min(size, PAGE_LIMITS.get(f"{parent.name}.{name}", MAX_PAGE_SIZE))
        weight = self.model.weight(parent.name, name)
        if is_list_type(get_nullable_type(definition.type)):
            if size is None:
                size = page if page is not None else self.model.unpaged_size(parent.name, name)
            items = multiplier * size
            return items * weight + self.selection(
                named, node.selection_set, items, None, spreading
            )
        return multiplier * weight + self.selection(
            named, node.selection_set, multiplier, size, spreading
        )

    def _size(self, node: FieldNode, definition: GraphQLField) -> int | None:
        sizes: list[int] = []
        given = {argument.name.value: argument.value for argument in node.arguments or ()}
        for name in _SIZE_ARGUMENTS:
            if name not in definition.args:
                continue
            value: Any = definition.args[name].default_value
            literal = given.get(name)
            if isinstance(literal, IntValueNode):
                value = int(literal.value)
            elif isinstance(literal, VariableNode):
                variable = literal.name.value
                value = self.variables.get(variable, self.variable_defaults.get(variable, value))
            if isinstance(value, int) and not isinstance(value, bool):
                sizes.append(max(value, 0))
        # A field answering one item per id given (nodes(ids:)) holds as many as it is given.
        ids = given.get("ids")
        if isinstance(ids, VariableNode):
            ids = self.variables.get(ids.name.value)
        if isinstance(ids, ListValueNode | list):
            sizes.append(len(ids.values if isinstance(ids, ListValueNode) else ids))
        return max(sizes) if sizes else None


class CostLimit(SchemaExtension):
    """Refuses operations over the limit right after parsing, before validation and execution."""

    def __init__(self, model: CostModel) -> None:
        self.model = model
        self._refusal: QueryTooCostly | None = None

    def on_parse(self) -> Iterator[None]:
        yield
        context = self.execution_context
        if context.graphql_document is None:
            return
        cost = estimate_cost(
            context.schema._schema,
            context.graphql_document,
            context.operation_name,
            context.variables,
            self.model,
        )
        meter = getattr(context.context, "meter", None)
        if meter is not None:
            meter.cost = cost  # what the rate limit spends (schema/rate_limit.py)
        if cost <= self.model.limit:
            return
        self._refusal = QueryTooCostly(
            f"query cost {cost} exceeds the limit of {self.model.limit}; ask for smaller pages "
            "(first/last) or fewer nested lists",
            cost=cost,
            limit=self.model.limit,
        )
        # Validating a refused document gains nothing and is not free: graphql-core's
        # overlapping-fields rule alone takes ~0.4 s on 26 aliases of one nested field.
        context.validation_rules = ()

    def on_execute(self) -> Iterator[None]:
        if self._refusal is not None:
            # A result set before execution makes strawberry skip execution altogether.
            self.execution_context.result = ExecutionResult(
                data=None,
                errors=[GraphQLError(self._refusal.message, original_error=self._refusal)],
            )
        yield
