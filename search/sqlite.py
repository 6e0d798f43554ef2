"""SQLite FTS5 search that ranks a match in the title above one in the body.

modelsearch ranks with FTS5's bm25() over all columns alike, multiplied by
a factor that favours short titles wherever the match is. Imported only
when the database is SQLite with FTS5 (the FTS model does not exist
otherwise). SQLite has no stemming: a search finds the words as typed.
"""

from django.db.models import Case, IntegerField, When
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import BM25, MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    get_descendants_content_types_pks,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText

from search.backend import fetch_rows


class WeightedBM25(BM25):
    """Pages that match in the title first, then by bm25() over title and body.

    A column weight alone would not do: bm25() normalises by the length of
    the whole entry and term frequencies saturate, so a title match in a
    long page would still rank below a short page that names the term once.
    """

    def as_sql(self, compiler, connection, function=None, template=None):
        table = SQLiteFTSIndexEntry._meta.db_table
        # The FTS5 table's columns are (autocomplete, body, title); lower ranks first.
        title_match = f"CASE WHEN bm25({table}, 0, 0, 1) < 0 THEN -1000 ELSE 0 END"
        return f"({title_match} + bm25({table}, 0, 1, 2))", []


class WeightedSQLiteQueryCompiler(SQLiteSearchQueryCompiler):
    def get_index_vectors(self):
        # One rank per entry: bm25() weighs the columns itself. (modelsearch
        # multiplies it by a title-length factor that favours short titles
        # whether or not the match is in the title.)
        return [(None, 1.0)]

    def build_tsrank(self, vector, query, config=None, boost=1.0):
        if isinstance(query, Phrase | PlainText | Not):
            rank = WeightedBM25()
            return rank * boost if boost != 1.0 else rank
        return super().build_tsrank(vector, query, config=config, boost=boost)

    def search(self, config, start, stop, score_field=None):
        """One page of results in two queries, whatever the number of matches.

        modelsearch ranks with a correlated subquery that runs the FTS match
        again for every matching page: with 20,000 pages a search took 25 s.
        Here one FTS query ranks the matching entries and returns the ids of
        the requested page; counts and facets need no ranking at all.
        """
        normalized = normalize(self.query)
        ranked_page = stop is not None and self.order_by_relevance and score_field is None
        if isinstance(normalized, MatchAll | Not) or not ranked_page:
            if stop is None and self.order_by_relevance and score_field is None:
                self.order_by_relevance = False  # which objects match, not in which order
                try:
                    return super().search(config, start, stop)
                finally:
                    self.order_by_relevance = True
            return super().search(config, start, stop, score_field=score_field)
        ids = [object_pk for object_pk, _content_type in self._ranked(config)[start:stop]]
        if not ids:
            return self.queryset.none()
        order = Case(*[When(pk=pk, then=position) for position, pk in enumerate(ids)], output_field=IntegerField())
        return self.queryset.filter(pk__in=ids).order_by(order)

    def _ranked(self, config, within=None):
        """(id, content type id) of the matching objects among `within` (by
        default the searched queryset), most relevant first, as a queryset."""
        within = self.queryset if within is None else within
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(normalize(self.query), config=config)
        )
        rank = self._build_rank_expression(self.get_search_vectors(), config)
        return (
            SQLiteFTSIndexEntry.objects.filter(match)
            # Compared as numbers: casting each candidate's id to text took a
            # fifth of the query (a word found in 10,000 releases: 31 -> 26 ms).
            .annotate(object_pk=Cast("index_entry__object_id", IntegerField()))
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(within.model),
                object_pk__in=within.order_by().values("pk"),
            )
            .annotate(score=rank)
            .order_by("score", "-object_pk")
            .values_list("object_pk", "index_entry__content_type_id")
        )

    def ranked_ids(self, config, within):
        """[(id, content type id)] of every match among `within`, most relevant first, in one query."""
        if isinstance(normalize(self.query), MatchAll | Not):
            return list(within.values_list("pk", "content_type_id"))
        return fetch_rows(self._ranked(config, within))


class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = WeightedSQLiteQueryCompiler
