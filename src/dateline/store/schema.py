"""The store's tables, as SQLAlchemy Core objects. Migrations (store/migrations) create exactly these.

Canonical (merged) events live in ``events``; every article's own events live in
``article_events`` and point at the canonical row they were merged into; ``event_mentions`` holds
the sentence evidence. ``event_dyads`` is a denormalised copy for fast country-pair analytics and
``event_blocks`` the blocking keys that keep merging linear. ``dyad_months``, ``dyad_month_tags`` and
``dyad_month_actors`` are per-dyad monthly totals of event_dyads, kept by the store as it writes.
"""
from __future__ import annotations

from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, Float, ForeignKey, ForeignKeyConstraint,
                        Index, Integer, MetaData, String, Table, Text)

from dateline.store.packing import PackedJSON

metadata = MetaData()

articles = Table(
    "articles", metadata,
    Column("id", String(64), primary_key=True),
    Column("content_hash", String(64), nullable=False, unique=True),
    Column("title", Text), Column("outlet", Text), Column("author", Text),
    Column("published", Date), Column("published_at", DateTime), Column("updated_at", DateTime),
    Column("dateline", Text), Column("dateline_country", String(3)),
    Column("url", Text), Column("source", Text), Column("language", String(16)),
    Column("meta", Text),                        # JSON object
    Column("text", Text, nullable=False),
    Column("status", String(16), nullable=False),   # done | failed
    Column("error", Text),
    Column("version", String(64)),               # extractor version that produced the stored events
    Column("processed_at", DateTime),
    Column("n_events", Integer, nullable=False, default=0),
    Column("n_facts", Integer, nullable=False, default=0),
    Column("warnings", Text),                    # JSON list
)
Index("ix_articles_published", articles.c.published)
Index("ix_articles_outlet", articles.c.outlet)

article_history = Table(
    "article_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), nullable=False),
    Column("version", String(64)),
    Column("processed_at", DateTime, nullable=False),
    Column("n_events", Integer, nullable=False),
    Column("n_facts", Integer, nullable=False),
)
Index("ix_article_history_article", article_history.c.article_id)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False),
    Column("country", String(3)),
    Column("sector", String(16)),
    Column("first_seen", Date), Column("last_seen", Date),
)
Index("ix_actors_country", actors.c.country)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor_id", String(200), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("alias", String(300), primary_key=True),
)

actor_roles = Table(   # roles over time: "foreign minister" from first_seen to last_seen (publication days)
    "actor_roles", metadata,
    Column("actor_id", String(200), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("role", String(200), primary_key=True),
    Column("first_seen", Date), Column("last_seen", Date),
)

events = Table(
    "events", metadata,
    Column("id", String(64), primary_key=True),
    Column("type", String(32), nullable=False),
    Column("mode", String(64)),
    Column("cameo", String(8)),
    Column("quad_class", Integer),
    Column("plover_score", Float), Column("goldstein", Float),
    Column("time_value", String(32)), Column("granularity", String(16)), Column("time_source", String(32)),
    Column("earliest", Date), Column("latest", Date),
    Column("place_name", Text), Column("place_country", String(3)),
    Column("negated", Boolean, nullable=False, default=False),
    Column("future", Boolean, nullable=False, default=False),
    Column("hypothetical", Boolean, nullable=False, default=False),
    Column("historical", Boolean, nullable=False, default=False),
    Column("modality", String(16), nullable=False, default="asserted"),   # selection.modality_of the flags
    Column("confidence", Float),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("n_mentions", Integer, nullable=False, default=1),
    Column("first_article_id", String(64)),
    Column("record", PackedJSON, nullable=False),   # JSON of the merged Event, without mentions (packed)
    Column("updated_at", DateTime),
)
Index("ix_events_type_earliest", events.c.type, events.c.earliest)
Index("ix_events_earliest", events.c.earliest)
Index("ix_events_place_country", events.c.place_country)
# /api/status reads the last event's day and the events reported by several articles from these;
# a count of the events a selection keeps (modality, confidence) reads the third, not the table
Index("ix_events_latest", events.c.latest)
Index("ix_events_n_sources", events.c.n_sources)
Index("ix_events_selection", events.c.modality, events.c.confidence)

event_actors = Table(
    "event_actors", metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("actor_id", String(200), primary_key=True),
    Column("side", String(16), primary_key=True),   # actor | recipient
    Column("country", String(8)),                   # ISO3, or a collective's code (G7, NATO)
)
Index("ix_event_actors_actor", event_actors.c.actor_id)
Index("ix_event_actors_country", event_actors.c.country)

event_tags = Table(   # PLOVER contexts and partnership dimensions, for filtering
    "event_tags", metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("kind", String(16), primary_key=True),   # context | dimension
    Column("value", String(64), primary_key=True),
)
Index("ix_event_tags_value", event_tags.c.kind, event_tags.c.value)

article_events = Table(   # each article's own events, as extracted; event_id = the canonical event
    "article_events", metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("seq", Integer, nullable=False),      # order within the article
    Column("record", PackedJSON, nullable=False),   # JSON of the article's Event, without mentions (packed)
)
Index("ix_article_events_event", article_events.c.event_id)
Index("ix_article_events_id", article_events.c.id)

event_mentions = Table(
    "event_mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), nullable=False),
    Column("article_id", String(64), nullable=False),
    Column("article_event_id", String(64), nullable=False),
    Column("sentence_index", Integer, nullable=False),
    Column("sentence", Text),                    # NULL: the article's text from sentence_start to sentence_end
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_end", Integer, nullable=False),
    Column("trigger_start", Integer), Column("trigger_end", Integer), Column("trigger_text", Text),
    Column("spans", PackedJSON),                 # JSON: actors, recipients, time, place spans (packed)
    ForeignKeyConstraint(["article_id", "article_event_id"], ["article_events.article_id", "article_events.id"],
                         ondelete="CASCADE"),
)
Index("ix_event_mentions_event", event_mentions.c.event_id)
Index("ix_event_mentions_article", event_mentions.c.article_id, event_mentions.c.article_event_id)

event_dyads = Table(
    "event_dyads", metadata,
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("dyad", String(17), primary_key=True),   # sorted pair "PAK-RUS" (or "G7-RUS")
    Column("src", String(8), nullable=False),
    Column("dst", String(8), nullable=False),
    Column("day", Date), Column("month", String(7)), Column("year", Integer),
    Column("granularity", String(16)),
    Column("type", String(32), nullable=False),
    Column("quad_class", Integer),
    Column("plover_score", Float), Column("goldstein", Float),
    Column("n_sources", Integer, nullable=False, default=1),
    Column("modality", String(16), nullable=False, default="asserted"),   # as events.modality
    Column("confidence", Float, nullable=False, default=1.0),
    Column("earliest", Date),                       # as events.earliest: the order of event lists
)
# Covering indexes: a dyad timeline reads only the index, never the table.
Index("ix_event_dyads_dyad_day", event_dyads.c.dyad, event_dyads.c.day)
Index("ix_event_dyads_dyad_month", event_dyads.c.dyad, event_dyads.c.month, event_dyads.c.quad_class,
      event_dyads.c.goldstein, event_dyads.c.plover_score, event_dyads.c.type)
Index("ix_event_dyads_src_dst_day", event_dyads.c.src, event_dyads.c.dst, event_dyads.c.day)
# A pair's events in the order of event lists (events.earliest, copied here; then the id): a page of
# the pair walks this index (Store.event_page, query.pair_walk).
Index("ix_event_dyads_dyad_earliest", event_dyads.c.dyad, event_dyads.c.earliest, event_dyads.c.event_id)

# Per-dyad aggregates the store keeps up to date in the same transaction as event_dyads, so a dyad
# summary reads a few hundred rows instead of grouping tens of thousands of events. Keys use sentinels
# instead of NULL (primary keys): month '' = not known to the month, year 0 = not known to the year,
# quad_class 0 = none. Each row is also one modality and one confidence bin (store.selection.EDGES),
# so every selection (dateline.store.selection) is answered from them. Score sums are in millionths
# (integers): exact, and independent of the order in which events were added and taken away.
dyad_months = Table(
    "dyad_months", metadata,
    Column("dyad", String(17), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("modality", String(16), primary_key=True),
    Column("confidence_bin", Integer, primary_key=True),
    Column("type", String(32), primary_key=True),
    Column("quad_class", Integer, primary_key=True),
    Column("n_events", Integer, nullable=False),      # distinct canonical events
    Column("n_sources", Integer, nullable=False),     # sum of their n_sources
    Column("plover_e6", BigInteger, nullable=False),  # sum of PLOVER scores x 1e6 (events with one)
    Column("n_plover", Integer, nullable=False),
    Column("goldstein_e6", BigInteger, nullable=False),
    Column("n_goldstein", Integer, nullable=False),
)

dyad_month_tags = Table(   # distinct events per context/dimension
    "dyad_month_tags", metadata,
    Column("dyad", String(17), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("modality", String(16), primary_key=True),
    Column("confidence_bin", Integer, primary_key=True),
    Column("kind", String(16), primary_key=True),
    Column("value", String(64), primary_key=True),
    Column("n_events", Integer, nullable=False),
)

dyad_month_actors = Table(   # distinct events per actor of either side (country actors left out)
    "dyad_month_actors", metadata,
    Column("dyad", String(17), primary_key=True),
    Column("year", Integer, primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("modality", String(16), primary_key=True),
    Column("confidence_bin", Integer, primary_key=True),
    Column("country", String(8), primary_key=True),
    Column("actor_id", String(200), primary_key=True),
    Column("n_events", Integer, nullable=False),
)

event_blocks = Table(   # merge blocking: candidates share (type|pair-or-actor, month)
    "event_blocks", metadata,
    Column("block", String(260), primary_key=True),
    Column("period", Integer, primary_key=True),     # yyyymm
    Column("event_id", String(64), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
)
Index("ix_event_blocks_event", event_blocks.c.event_id)

facts = Table(
    "facts", metadata,
    Column("article_id", String(64), ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("id", String(64), primary_key=True),
    Column("indicator", String(64), nullable=False),
    Column("value", Float, nullable=False),
    Column("unit", String(32), nullable=False),
    Column("earliest", Date), Column("latest", Date),
    Column("record", PackedJSON, nullable=False),   # JSON of the Fact (packed)
)
Index("ix_facts_indicator", facts.c.indicator)
Index("ix_facts_id", facts.c.id)

fact_subjects = Table(
    "fact_subjects", metadata,
    Column("article_id", String(64), primary_key=True),
    Column("fact_id", String(64), primary_key=True),
    Column("actor_id", String(200), primary_key=True),
    Column("country", String(3)),
    ForeignKeyConstraint(["article_id", "fact_id"], ["facts.article_id", "facts.id"], ondelete="CASCADE"),
)
Index("ix_fact_subjects_country", fact_subjects.c.country)

failures = Table(
    "failures", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),
    Column("error", Text, nullable=False),
    Column("article_id", String(64)),
    Column("failed_at", DateTime, nullable=False),
)
Index("ix_failures_article", failures.c.article_id)
Index("ix_failures_source", failures.c.source)
