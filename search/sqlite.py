"""SQLite FTS5 search that ranks a match in the title above one in the body.

modelsearch ranks with FTS5's bm25() over all columns alike, multiplied by
a factor that favours short titles wherever the match is. Imported only
when the database is SQLite with FTS5 (the FTS model does not exist
otherwise). SQLite has no stemming: a search finds the words as typed.
"""

from modelsearch.backends.database.sqlite.query import BM25
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import Not, Phrase, PlainText


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


class WeightedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = WeightedSQLiteQueryCompiler
