"""Statements written in SQLite's dialect, rewritten for PostgreSQL.

The store's SQL is plain enough that a handful of rewrites carry it across; each one below
names the SQLite behaviour it keeps:

- `?` and `:name` parameters become psycopg's `%s` and `%(name)s` (and a literal `%` is
  doubled, since psycopg reads `%` everywhere in a statement that has parameters);
- `INDEXED BY index` and `NOT INDEXED` are hints SQLite's planner needs and PostgreSQL has
  no syntax for;
- `LIKE` is case-blind for ASCII letters in SQLite: `ILIKE` in PostgreSQL;
- `x = ? COLLATE NOCASE` compares without case: `lower(x) = lower(?)`;
- `min(a, b)` and `max(a, b)` with two or more arguments are SQLite's scalar forms:
  `LEAST` and `GREATEST` (one argument stays the aggregate);
- `date(day, '+N days')` moves an ISO date: the same text comes back from `to_char`;
- `json_extract(column, '$.key')` reads a key of JSON text: `column::jsonb ->> 'key'`;
- `SELECT value FROM json_each(?)` unpacks a JSON array of ids;
- `x IS ?` compares where NULL equals NULL: `IS NOT DISTINCT FROM`;
- an `INSERT` into a table with an integer id returns it, for the cursor's `lastrowid`.

Anything else is written for PostgreSQL where it is used (search, the Cases filter, the
schema), so a statement this module does not know is passed on with only its parameters
rewritten, and PostgreSQL's own error names what is missing.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

#: Tables whose rows have an integer `id` that `cursor.lastrowid` reports after an INSERT.
ID_TABLES = frozenset(
    {
        "cases",
        "parties",
        "case_parties",
        "filings",
        "hearings",
        "deadlines",
        "status_changes",
        "notes",
        "court_closures",
        "audit_log",
        "deadline_history",
        "case_links",
        "people",
    }
)

_INDEXED_BY = re.compile(r"\s+(?:INDEXED\s+BY\s+\w+|NOT\s+INDEXED)\b", re.IGNORECASE)
_LIKE = re.compile(r"\bLIKE\b", re.IGNORECASE)
_NOCASE_EQUALS = re.compile(r"([\w.]+)\s*=\s*(\?|:\w+)\s+COLLATE\s+NOCASE", re.IGNORECASE)
_JSON_EXTRACT = re.compile(r"json_extract\(\s*([\w.]+)\s*,\s*'\$\.(\w+)'\s*\)", re.IGNORECASE)
_JSON_EACH = re.compile(r"SELECT\s+value\s+FROM\s+json_each\(\s*\?\s*\)", re.IGNORECASE)
_IS_PARAMETER = re.compile(r"\bIS\s+(NOT\s+)?(\?|:\w+)", re.IGNORECASE)
_BEGIN_IMMEDIATE = re.compile(r"^\s*BEGIN\s+IMMEDIATE\b", re.IGNORECASE)
_SCALAR = re.compile(r"\b(min|max|date)\(", re.IGNORECASE)
_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+\"?(\w+)\"?", re.IGNORECASE)
_RETURNING = re.compile(r"\bRETURNING\b", re.IGNORECASE)


class Translated(NamedTuple):
    sql: str
    returns_id: bool
    """An `RETURNING id` was added: the first column of the result is the new row's id."""


@lru_cache(maxsize=1024)
def translate(sql: str, *, returning: bool = True) -> Translated:
    """`sql` in PostgreSQL's dialect; see the module's docstring for each rewrite.

    `returning=False` leaves an INSERT without `RETURNING id` (for `executemany`, whose
    cursor reports no last id)."""
    text = _BEGIN_IMMEDIATE.sub("BEGIN", sql)
    text = _INDEXED_BY.sub("", text)
    text = _JSON_EACH.sub(
        "SELECT value::integer FROM jsonb_array_elements_text(?::jsonb) AS each_id(value)", text
    )
    text = _JSON_EXTRACT.sub(r"(\1::jsonb ->> '\2')", text)
    text = _NOCASE_EQUALS.sub(r"lower(\1) = lower(\2)", text)
    text = _LIKE.sub("ILIKE", text)
    text = _IS_PARAMETER.sub(_is_parameter, text)
    text = _scalar_functions(text)
    returns_id = False
    insert = _INSERT.match(text)
    if returning and insert and insert.group(1) in ID_TABLES and not _RETURNING.search(text):
        text = text.rstrip().rstrip(";") + " RETURNING id"
        returns_id = True
    return Translated(_parameters(text), returns_id)


def _is_parameter(match: re.Match[str]) -> str:
    negated = match.group(1) is not None
    return f"IS {'' if negated else 'NOT '}DISTINCT FROM {match.group(2)}"


def _parameters(sql: str) -> str:
    """`?` to `%s`, `:name` to `%(name)s`, `%` to `%%`; nothing inside quotes but the `%`."""
    out: list[str] = []
    i, n = 0, len(sql)
    while i < n:
        char = sql[i]
        if char in "'\"":
            end = _quote_end(sql, i)
            out.append(sql[i:end].replace("%", "%%"))
            i = end
            continue
        if char == "%":
            out.append("%%")
        elif char == "?":
            out.append("%s")
        elif (
            char == ":"
            and i + 1 < n
            and (sql[i + 1].isalpha() or sql[i + 1] == "_")
            and (i == 0 or sql[i - 1] != ":")
        ):
            j = i + 1
            while j < n and (sql[j].isalnum() or sql[j] == "_"):
                j += 1
            out.append(f"%({sql[i + 1 : j]})s")
            i = j
            continue
        else:
            out.append(char)
        i += 1
    return "".join(out)


def _quote_end(sql: str, start: int) -> int:
    """The index just past the quoted text starting at `start` (a doubled quote stays in)."""
    quote = sql[start]
    i = start + 1
    while i < len(sql):
        if sql[i] == quote:
            if i + 1 < len(sql) and sql[i + 1] == quote:
                i += 2
                continue
            return i + 1
        i += 1
    return len(sql)


def _scalar_functions(sql: str) -> str:
    """SQLite's many-argument `min`, `max` and `date` as PostgreSQL writes them."""
    out: list[str] = []
    position = 0
    for match in _SCALAR.finditer(sql):
        if match.start() < position:
            continue  # inside arguments already rewritten
        arguments, close = _arguments(sql, match.end())
        name = match.group(1).lower()
        out.append(sql[position : match.start()])
        inner = [_scalar_functions(argument) for argument in arguments]
        if len(arguments) == 1:
            out.append(f"{match.group(1)}({inner[0]})")
        elif name == "date":
            out.append(f"to_char(({inner[0]})::date + ({inner[1]})::interval, 'YYYY-MM-DD')")
        else:
            out.append(f"{'LEAST' if name == 'min' else 'GREATEST'}({', '.join(inner)})")
        position = close + 1
    out.append(sql[position:])
    return "".join(out)


def _arguments(sql: str, start: int) -> tuple[list[str], int]:
    """The arguments of the call whose `(` is just before `start`, split at the commas
    outside parentheses and quotes, and the index of its closing `)`."""
    arguments: list[str] = []
    depth = 1
    begin = i = start
    while i < len(sql):
        char = sql[i]
        if char in "'\"":
            i = _quote_end(sql, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                arguments.append(sql[begin:i].strip())
                return arguments, i
        elif char == "," and depth == 1:
            arguments.append(sql[begin:i].strip())
            begin = i + 1
        i += 1
    raise ValueError(f"unbalanced parentheses in: {sql}")
