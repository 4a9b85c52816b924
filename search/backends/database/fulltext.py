"""Matching and ranking words in the database's own full-text engine.

The words reaching here come from :func:`search.text.words`: folded runs of
letters and digits, so they can be quoted into an FTS5 query or a tsquery
without any of the shopper's punctuation becoming syntax. Everything else
about a search (filters, facets, sorting) is plain ORM, or columns in
memory, and the same on every database. Autocomplete is the exception: it
reads a bounded range of the title keys' index rather than ranking every
match, so it costs the same whatever the size of the catalogue.
"""

import json

import numpy as np
from django.db import connection
from django.db.models.expressions import RawSQL

from search.models import ProductRecord, ProductText, TitleKey

TEXT = ProductText._meta.db_table
RECORD = ProductRecord._meta.db_table
KEYS = TitleKey._meta.db_table
FTS = f"{TEXT}_fts"  # created by migration 0002 on SQLite
LAST = "\U0010ffff"  # sorts after every character: "mat o" <= "mat ong ..." < "mat o" + LAST


def full_text():
    return PostgresFullText() if connection.vendor == "postgresql" else SqliteFullText()


class FullText:
    def matching(self, words) -> RawSQL:
        """The ids of records holding every word (anywhere in their text), as a subquery."""
        raise NotImplementedError

    def ids(self, words) -> np.ndarray:
        """The ids of records holding every word, read at once (for counting facets in memory)."""
        matching = self.matching(words)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT {self.JOINED_IDS} FROM ({matching.sql}) matching", matching.params)
            joined = cursor.fetchone()[0]
        if not joined:
            return np.zeros(0, dtype=np.int64)
        # One string parsed in C: a row per id costs the driver several times more.
        return np.fromstring(joined, dtype=np.int64, sep=",")

    def ranked_ids(self, words, boost_words, within, without, limit, offset) -> list[int]:
        """Ids of matching records, best first: exact accented title words, then the engine's rank.

        ``within`` and ``without`` are querysets of record ids to keep and to leave out, or None.
        """
        raise NotImplementedError

    # Keys read from each range of the title-key index: enough to hold every match in a catalogue
    # of a few hundred products, and a bound on the work in one of a hundred thousand.
    CANDIDATES = 100
    KEY = "k.folded"  # the key as its index orders it, byte by byte

    def suggestions(self, words, limit) -> list[tuple[str, str]]:
        """(title, url) of records whose title holds the words, the last one as a prefix.

        Candidates come from a few ranges of the title-key index, each cut after
        :attr:`CANDIDATES` keys, so the work does not grow with the catalogue:
        titles starting with the typed words, titles holding them as typed, and
        titles with a word starting like the first or the last typed word (for
        the words typed in another order). They are then ranked: titles
        starting with the typed words, then those holding them as typed, then
        the rest; within each, the record with the fewest words first (BM25's
        length norm, which ranked them when every match was scored), then the title.
        """
        typed = " ".join(words)[: TitleKey.LENGTH]
        # (lowest key, key above the range, condition); a whole first word is itself or followed by more.
        ranges = [(typed, typed + LAST, "k.position = 0 AND "), (typed, typed + LAST, "")]
        if len(words) > 1:
            first, last = words[0][: TitleKey.LENGTH], words[-1][: TitleKey.LENGTH]
            ranges += [(first, f"{first} {LAST}", ""), (last, last + LAST, "")]
        scans, params = [], []
        for low, high, condition in ranges:
            scans.append(
                f"SELECT * FROM (SELECT k.record_id FROM {KEYS} k WHERE {condition}"
                f"{self.KEY} >= %s AND {self.KEY} < %s ORDER BY {self.KEY} LIMIT %s) scan"
            )
            params += [low, high, self.CANDIDATES]
        holds, holds_params = self._holds(words)
        order, order_params = self._suggestion_order(words)
        sql = (
            f"SELECT r.title, r.url FROM ({' UNION '.join(scans)}) c "
            f"JOIN {TEXT} t ON t.record_id = c.record_id JOIN {RECORD} r ON r.product_id = c.record_id "
            f"WHERE {holds} ORDER BY {order}{self.LENGTH}, r.title LIMIT %s"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, *holds_params, *order_params, limit])
            return cursor.fetchall()

    # How many words the record holds, give or take the same two: its spaces.
    LENGTH = (
        "(length(t.title_folded) - length(replace(t.title_folded, ' ', ''))"
        " + length(t.text_folded) - length(replace(t.text_folded, ' ', '')))"
    )

    @staticmethod
    def _holds(words):
        """WHERE terms: the title holds every word, the last one as the start of a word."""
        *whole, last = words
        terms = ["(' ' || t.title_folded || ' ') LIKE %s" for _word in whole]
        terms.append("(' ' || t.title_folded) LIKE %s")
        return " AND ".join(terms), [*(f"% {word} %" for word in whole), f"% {last}%"]

    @staticmethod
    def _boost(boost_words):
        """ORDER BY terms putting first the titles holding most accented words exactly (``t.title_words``)."""
        if not boost_words:
            return "", []
        cases = " + ".join("CASE WHEN t.title_words LIKE %s THEN 1 ELSE 0 END" for _word in boost_words)
        return f"({cases}) DESC, ", [f"% {word} %" for word in boost_words]

    @staticmethod
    def _suggestion_order(words):
        """ORDER BY terms: titles starting with the typed words, then titles holding them as typed.

        "mat o" suggests "Mật ong rừng ..." before "Khoai lang vị mật ong", and
        both before a title that only holds "mật" and a word starting with "o".
        """
        typed = " ".join(words)
        starts, holds = "t.title_folded LIKE %s", "(' ' || t.title_folded) LIKE %s"
        return f"CASE WHEN {starts} THEN 0 WHEN {holds} THEN 1 ELSE 2 END, ", [f"{typed}%", f"% {typed}%"]

    def id_list(self, ids) -> RawSQL:
        """A subquery listing ``ids``, sent as one parameter however many there are."""
        raise NotImplementedError

    @staticmethod
    def _restrict(column, within, without):
        """SQL conditions keeping ``column`` in ``within`` and out of ``without``.

        Each is a queryset of ids, an :meth:`id_list`, or None.
        """
        conditions, params = [], []
        for operator, ids in (("IN", within), ("NOT IN", without)):
            if ids is not None:
                listed = isinstance(ids, RawSQL)
                sql, ids_params = (ids.sql, ids.params) if listed else ids.query.sql_with_params()
                conditions.append(f" AND {column} {operator} ({sql})")
                params += ids_params
        return "".join(conditions), params


class SqliteFullText(FullText):
    """FTS5 with BM25; the title column weighs ten times the rest."""

    RANK = f"bm25({FTS}, 10.0, 1.0)"
    JOINED_IDS = "group_concat(rowid)"

    @staticmethod
    def expression(words):
        return " ".join(f'"{word}"' for word in words)

    def matching(self, words):
        return RawSQL(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH %s", [self.expression(words)])

    def id_list(self, ids):
        return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(np.asarray(ids).tolist())])

    def ranked_ids(self, words, boost_words, within, without, limit, offset):
        boost, boost_params = self._boost(boost_words)
        # The unary + keeps the id lists out of FTS5's own lookup: asked for each of
        # thousands of ids in turn, the full-text index is a hundred times slower
        # than matching once and checking the ids against the lists.
        restrict, restrict_params = self._restrict(f"+{FTS}.rowid", within, without)
        # The words table is only read for the boost: joined for every hit, it costs a third more.
        joined = f" JOIN {TEXT} t ON t.record_id = {FTS}.rowid" if boost else ""
        sql = (
            f"SELECT {FTS}.rowid FROM {FTS}{joined} "
            f"WHERE {FTS} MATCH %s{restrict} "
            f"ORDER BY {boost}{self.RANK}, {FTS}.rowid LIMIT %s OFFSET %s"
        )
        params = [self.expression(words), *restrict_params, *boost_params, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]


class PostgresFullText(FullText):
    """A tsvector ('simple' configuration) with a GIN index; title words weigh A, the rest B."""

    QUERY = "to_tsquery('simple', %s)"
    JOINED_IDS = "string_agg(record_id::text, ',')"

    KEY = 'k.folded COLLATE "C"'  # as migration 0007 indexes it

    @staticmethod
    def expression(words):
        return " & ".join(words)

    def matching(self, words):
        sql = f"SELECT record_id FROM {TEXT} WHERE search_vector @@ {self.QUERY}"
        return RawSQL(sql, [self.expression(words)])

    def id_list(self, ids):
        return RawSQL("SELECT unnest(%s::bigint[])", [np.asarray(ids).tolist()])

    def ranked_ids(self, words, boost_words, within, without, limit, offset):
        boost, boost_params = self._boost(boost_words)
        restrict, restrict_params = self._restrict("t.record_id", within, without)
        expression = self.expression(words)
        sql = (
            f"SELECT t.record_id FROM {TEXT} t WHERE t.search_vector @@ {self.QUERY}{restrict} "
            f"ORDER BY {boost}ts_rank(t.search_vector, {self.QUERY}) DESC, t.record_id "
            "LIMIT %s OFFSET %s"
        )
        params = [expression, *restrict_params, *boost_params, expression, limit, offset]
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return [row[0] for row in cursor.fetchall()]
