"""The search backend: Wagtail's database backend, with language-aware stemming on PostgreSQL.

modelsearch's PostgreSQL backend indexes and queries with one text search
configuration. This one indexes each object with the configuration of its
locale's language ("german" for German pages, "english" for English ones)
and queries with the visitor's language, so "Diskriminierungen" finds
"Diskriminierung" on /de/ and "trainings" finds "training" on /en/. Objects
without a locale (images, documents) are indexed as the site's default
language. Other databases get what modelsearch chooses for them; on SQLite
(FTS5, without stemming) with the title weighing more (search/sqlite.py).

Set in WAGTAILSEARCH_BACKENDS: {"default": {"BACKEND": "search.backend"}}.
"""

import copy
from collections import defaultdict
from functools import reduce
from operator import add, or_

from django.conf import settings
from django.contrib.postgres.search import SearchVector, SearchVectorField
from django.db import connection, connections, transaction
from django.db.models import Expression, ExpressionWrapper, F, IntegerField, Subquery
from django.db.models.functions import Cast

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.utils import get_descendants_content_types_pks

# PostgreSQL text search configurations by language code; any other
# language is indexed without stemming.
SEARCH_CONFIGS = {"de": "german", "en": "english"}
UNKNOWN_LANGUAGE_CONFIG = "simple"


def config_for_language(language_code):
    return SEARCH_CONFIGS.get(language_code, UNKNOWN_LANGUAGE_CONFIG)


class LocalizedPostgresIndex(PostgresIndex):
    """Indexes each object with the text search configuration of its language."""

    def add_items(self, model, objs):
        objs = list(objs)
        locale_ids = {obj.locale_id for obj in objs if getattr(obj, "locale_id", None)}
        languages = dict(Locale.objects.filter(pk__in=locale_ids).values_list("pk", "language_code"))
        groups = defaultdict(list)
        for obj in objs:
            locale_id = getattr(obj, "locale_id", None)
            language = languages.get(locale_id) if locale_id else settings.LANGUAGE_CODE
            groups[config_for_language(language)].append(obj)
        backend = self.backend
        try:
            for config, group in groups.items():
                # PostgresIndex reads the configuration from its backend.
                self.backend = backend.with_config(config)
                super().add_items(model, group)
        finally:
            self.backend = backend


class StoredDocument(Expression):
    """The index entry's `document`: title and body vectors in one, stored by
    PostgreSQL (search/migrations/0002; modelsearch's model has no field for it)."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        return (
            f"{compiler.quote_name_unless_alias(IndexEntry._meta.db_table)}.{connection.ops.quote_name('document')}",
            [],
        )


class LocalizedPostgresQueryCompiler(PostgresSearchQueryCompiler):
    """Queries with the backend's `query_config`: one configuration, or several
    at once, in which case a term matches the stems of any of them."""

    configs = ()

    def get_config(self, backend):
        return backend.query_config

    def search(self, config, *args, **kwargs):
        self.configs = config if isinstance(config, tuple) else (config,)
        return super().search(config, *args, **kwargs)

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        queries = [super(LocalizedPostgresQueryCompiler, self).build_tsquery(query, config=c) for c in config]
        queries = [q for q in queries if q is not None]
        return reduce(or_, queries) if queries else None

    def ranked_ids(self, config, within):
        """[(id, content type id)] of every object among `within` (a queryset
        of the searched model, filtered in any way) that matches, most
        relevant first, in one query.

        What modelsearch does for a page of results, without the page, read
        from the index entries alone: the search page counts, filters and
        pages through this list instead of asking the database again for each.
        """
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:
            return []
        if self.fields is not None:  # named fields: vectors built from the objects themselves
            vectors = self.get_fields_vectors(search_query)
            rank = self._build_rank_expression(vectors, config)
            vector = reduce(lambda one, other: one._combine(other, "||", False), [v for v, _boost in vectors])
            matches = within.annotate(_vector_=vector).filter(_vector_=search_query)
            return list(matches.order_by(rank.desc(), "-pk").values_list("pk", "content_type_id"))
        rank = self._build_rank_expression([(F("title"), F("title_norm")), (F("body"), 1.0)], config)
        entries = (
            IndexEntry.objects.alias(
                # "+ 0": otherwise PostgreSQL reads every entry of the searched
                # types through the content type index and tests each one; this
                # way it finds the matches through the GIN index on the stored
                # title and body vector (search/migrations/0002), which it
                # reads instead of concatenating the two for every entry.
                kind=ExpressionWrapper(F("content_type_id") + 0, output_field=IntegerField()),
                vector=StoredDocument(),
            )
            .annotate(
                # Compared as numbers: hashing the candidates' ids as text took a third of the time.
                object_pk=Cast("object_id", IntegerField()),
            )
            .filter(
                kind__in=get_descendants_content_types_pks(within.model),
                object_pk__in=within.order_by().values("pk"),
                vector=search_query,
            )
        )
        # For a word found in most entries PostgreSQL would rather read
        # every entry and test its vector; the GIN index's bitmap finds the
        # same rows in a fraction of the time (a word found in every
        # release: 36-50 ms -> 26 ms), so this query may not scan the table.
        return fetch_rows(
            entries.order_by(rank.desc(), F("object_pk").desc()).values_list("object_pk", "content_type_id"),
            enable_seqscan="off",
        )

    def get_fields_vectors(self, search_query):
        # Searching named fields builds vectors on the fly: one per configuration.
        return [
            (reduce(add, (SearchVector(field_lookup, config=c) for c in self.configs)), search_field.boost)
            for field_lookup, search_field in self.search_fields.items()
        ]


class LocalizedPostgresSearchBackend(PostgresSearchBackend):
    """PostgreSQL search that indexes and queries each language with its own stemming.

    `config` indexes objects without a locale (the site's default language);
    `query_config` is what searches use: the visitor's language after
    `for_language()`, otherwise every configured language at once, so the
    admin finds German and English pages alike.
    """

    index_class = LocalizedPostgresIndex
    query_compiler_class = LocalizedPostgresQueryCompiler

    def __init__(self, params):
        super().__init__(params)
        self.config = params.get("SEARCH_CONFIG") or config_for_language(settings.LANGUAGE_CODE)
        self.query_config = tuple(dict.fromkeys(config_for_language(code) for code, _name in settings.LANGUAGES))

    def with_config(self, config):
        """A copy of this backend that indexes and queries with one configuration."""
        backend = copy.copy(self)
        backend.config = backend.query_config = config
        return backend

    def for_language(self, language_code):
        """A copy of this backend that queries with the stemming of one language."""
        return self.with_config(config_for_language(language_code))


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    """The backend for the default database, like modelsearch.backends.database.SearchBackend."""
    if connection.vendor == "postgresql":
        return LocalizedPostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if type(backend).__name__ == "SQLiteSearchBackend":
        from search.sqlite import WeightedSQLiteSearchBackend

        return WeightedSQLiteSearchBackend(params)
    return backend


def ranked_ids(backend, query, within, **kwargs):
    """[(id, content type id)] of every object among `within` (a queryset,
    filtered in any way) that matches `query`, most relevant first.

    One query with the backends of this site (PostgreSQL, SQLite with FTS5);
    any other backend loads the objects.
    """
    results = backend.search(query, within.model.objects.all(), **kwargs)
    compiler = results.query_compiler
    if hasattr(compiler, "ranked_ids"):
        return compiler.ranked_ids(compiler.get_config(backend), within)
    # Other backends accept filters on indexed fields only.
    results = backend.search(query, within.model.objects.filter(pk__in=Subquery(within.values("pk"))), **kwargs)
    return [(obj.pk, obj.content_type_id) for obj in results]


def fetch_rows(queryset, **planner_settings):
    """The rows of a values_list() queryset as the database driver returns
    them: for the ten thousand matches of a common word, Django's iteration
    took longer than the query.

    `planner_settings` (PostgreSQL) apply to this query only (SET LOCAL).
    """
    sql, params = queryset.query.sql_with_params()
    connection = connections[queryset.db]
    if not planner_settings or connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()
    with transaction.atomic(using=queryset.db), connection.cursor() as cursor:
        names = list(planner_settings)
        cursor.execute(
            "SELECT " + ", ".join(["set_config(%s, %s, true)"] * len(names)),
            [item for name in names for item in (name, str(planner_settings[name]))],
        )
        cursor.execute(sql, params)
        return cursor.fetchall()


def backend_for_language(language_code, name="default"):
    """The configured search backend, querying with the stemming of one language where it can."""
    backend = get_search_backend(name)
    if hasattr(backend, "for_language"):
        return backend.for_language(language_code)
    return backend
