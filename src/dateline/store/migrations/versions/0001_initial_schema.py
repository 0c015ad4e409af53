"""Initial schema: articles and their history, actors, canonical events, mentions, dyads, facts, failures.

Revision ID: 0001
Revises: 
Create Date: 2026-11-29 06:40:03.335379
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
    sa.Column('id', sa.String(length=200), nullable=False),
    sa.Column('name', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('sector', sa.String(length=16), nullable=True),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.create_index('ix_actors_country', ['country'], unique=False)

    op.create_table('articles',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('outlet', sa.Text(), nullable=True),
    sa.Column('author', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('published_at', sa.DateTime(), nullable=True),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.Column('dateline', sa.Text(), nullable=True),
    sa.Column('dateline_country', sa.String(length=3), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('source', sa.Text(), nullable=True),
    sa.Column('language', sa.String(length=16), nullable=True),
    sa.Column('meta', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('error', sa.Text(), nullable=True),
    sa.Column('version', sa.String(length=64), nullable=True),
    sa.Column('processed_at', sa.DateTime(), nullable=True),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_facts', sa.Integer(), nullable=False),
    sa.Column('warnings', sa.Text(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_outlet', ['outlet'], unique=False)
        batch_op.create_index('ix_articles_published', ['published'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('mode', sa.String(length=64), nullable=True),
    sa.Column('cameo', sa.String(length=8), nullable=True),
    sa.Column('quad_class', sa.Integer(), nullable=True),
    sa.Column('plover_score', sa.Float(), nullable=True),
    sa.Column('goldstein', sa.Float(), nullable=True),
    sa.Column('time_value', sa.String(length=32), nullable=True),
    sa.Column('granularity', sa.String(length=16), nullable=True),
    sa.Column('time_source', sa.String(length=32), nullable=True),
    sa.Column('earliest', sa.Date(), nullable=True),
    sa.Column('latest', sa.Date(), nullable=True),
    sa.Column('place_name', sa.Text(), nullable=True),
    sa.Column('place_country', sa.String(length=3), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('future', sa.Boolean(), nullable=False),
    sa.Column('hypothetical', sa.Boolean(), nullable=False),
    sa.Column('historical', sa.Boolean(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('n_mentions', sa.Integer(), nullable=False),
    sa.Column('first_article_id', sa.String(length=64), nullable=True),
    sa.Column('record', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index('ix_events_earliest', ['earliest'], unique=False)
        batch_op.create_index('ix_events_place_country', ['place_country'], unique=False)
        batch_op.create_index('ix_events_type_earliest', ['type', 'earliest'], unique=False)

    op.create_table('failures',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=True),
    sa.Column('failed_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.create_index('ix_failures_article', ['article_id'], unique=False)
        batch_op.create_index('ix_failures_source', ['source'], unique=False)

    op.create_table('actor_aliases',
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('alias', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('actor_id', 'alias')
    )
    op.create_table('actor_roles',
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=200), nullable=False),
    sa.Column('first_seen', sa.Date(), nullable=True),
    sa.Column('last_seen', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['actor_id'], ['actors.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('actor_id', 'role')
    )
    op.create_table('article_events',
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('record', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id')
    )
    with op.batch_alter_table('article_events', schema=None) as batch_op:
        batch_op.create_index('ix_article_events_event', ['event_id'], unique=False)
        batch_op.create_index('ix_article_events_id', ['id'], unique=False)

    op.create_table('article_history',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('version', sa.String(length=64), nullable=True),
    sa.Column('processed_at', sa.DateTime(), nullable=False),
    sa.Column('n_events', sa.Integer(), nullable=False),
    sa.Column('n_facts', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('article_history', schema=None) as batch_op:
        batch_op.create_index('ix_article_history_article', ['article_id'], unique=False)

    op.create_table('event_actors',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('side', sa.String(length=16), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'actor_id', 'side')
    )
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.create_index('ix_event_actors_actor', ['actor_id'], unique=False)
        batch_op.create_index('ix_event_actors_country', ['country'], unique=False)

    op.create_table('event_blocks',
    sa.Column('block', sa.String(length=260), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('block', 'period', 'event_id')
    )
    with op.batch_alter_table('event_blocks', schema=None) as batch_op:
        batch_op.create_index('ix_event_blocks_event', ['event_id'], unique=False)

    op.create_table('event_dyads',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('dyad', sa.String(length=7), nullable=False),
    sa.Column('src', sa.String(length=3), nullable=False),
    sa.Column('dst', sa.String(length=3), nullable=False),
    sa.Column('day', sa.Date(), nullable=True),
    sa.Column('month', sa.String(length=7), nullable=True),
    sa.Column('year', sa.Integer(), nullable=True),
    sa.Column('granularity', sa.String(length=16), nullable=True),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('quad_class', sa.Integer(), nullable=True),
    sa.Column('plover_score', sa.Float(), nullable=True),
    sa.Column('goldstein', sa.Float(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'dyad')
    )
    with op.batch_alter_table('event_dyads', schema=None) as batch_op:
        batch_op.create_index('ix_event_dyads_dyad_day', ['dyad', 'day'], unique=False)
        batch_op.create_index('ix_event_dyads_dyad_month', ['dyad', 'month', 'quad_class', 'goldstein', 'plover_score', 'type'], unique=False)
        batch_op.create_index('ix_event_dyads_src_dst_day', ['src', 'dst', 'day'], unique=False)

    op.create_table('event_tags',
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('value', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'kind', 'value')
    )
    with op.batch_alter_table('event_tags', schema=None) as batch_op:
        batch_op.create_index('ix_event_tags_value', ['kind', 'value'], unique=False)

    op.create_table('facts',
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('id', sa.String(length=64), nullable=False),
    sa.Column('indicator', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Float(), nullable=False),
    sa.Column('unit', sa.String(length=32), nullable=False),
    sa.Column('earliest', sa.Date(), nullable=True),
    sa.Column('latest', sa.Date(), nullable=True),
    sa.Column('record', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'id')
    )
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.create_index('ix_facts_id', ['id'], unique=False)
        batch_op.create_index('ix_facts_indicator', ['indicator'], unique=False)

    op.create_table('event_mentions',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('event_id', sa.String(length=64), nullable=False),
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('article_event_id', sa.String(length=64), nullable=False),
    sa.Column('sentence_index', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Text(), nullable=False),
    sa.Column('sentence_start', sa.Integer(), nullable=False),
    sa.Column('sentence_end', sa.Integer(), nullable=False),
    sa.Column('trigger_start', sa.Integer(), nullable=True),
    sa.Column('trigger_end', sa.Integer(), nullable=True),
    sa.Column('trigger_text', sa.Text(), nullable=True),
    sa.Column('spans', sa.Text(), nullable=True),
    sa.ForeignKeyConstraint(['article_id', 'article_event_id'], ['article_events.article_id', 'article_events.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.create_index('ix_event_mentions_article', ['article_id', 'article_event_id'], unique=False)
        batch_op.create_index('ix_event_mentions_event', ['event_id'], unique=False)

    op.create_table('fact_subjects',
    sa.Column('article_id', sa.String(length=64), nullable=False),
    sa.Column('fact_id', sa.String(length=64), nullable=False),
    sa.Column('actor_id', sa.String(length=200), nullable=False),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.ForeignKeyConstraint(['article_id', 'fact_id'], ['facts.article_id', 'facts.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'fact_id', 'actor_id')
    )
    with op.batch_alter_table('fact_subjects', schema=None) as batch_op:
        batch_op.create_index('ix_fact_subjects_country', ['country'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('fact_subjects', schema=None) as batch_op:
        batch_op.drop_index('ix_fact_subjects_country')

    op.drop_table('fact_subjects')
    with op.batch_alter_table('event_mentions', schema=None) as batch_op:
        batch_op.drop_index('ix_event_mentions_event')
        batch_op.drop_index('ix_event_mentions_article')

    op.drop_table('event_mentions')
    with op.batch_alter_table('facts', schema=None) as batch_op:
        batch_op.drop_index('ix_facts_indicator')
        batch_op.drop_index('ix_facts_id')

    op.drop_table('facts')
    with op.batch_alter_table('event_tags', schema=None) as batch_op:
        batch_op.drop_index('ix_event_tags_value')

    op.drop_table('event_tags')
    with op.batch_alter_table('event_dyads', schema=None) as batch_op:
        batch_op.drop_index('ix_event_dyads_src_dst_day')
        batch_op.drop_index('ix_event_dyads_dyad_month')
        batch_op.drop_index('ix_event_dyads_dyad_day')

    op.drop_table('event_dyads')
    with op.batch_alter_table('event_blocks', schema=None) as batch_op:
        batch_op.drop_index('ix_event_blocks_event')

    op.drop_table('event_blocks')
    with op.batch_alter_table('event_actors', schema=None) as batch_op:
        batch_op.drop_index('ix_event_actors_country')
        batch_op.drop_index('ix_event_actors_actor')

    op.drop_table('event_actors')
    with op.batch_alter_table('article_history', schema=None) as batch_op:
        batch_op.drop_index('ix_article_history_article')

    op.drop_table('article_history')
    with op.batch_alter_table('article_events', schema=None) as batch_op:
        batch_op.drop_index('ix_article_events_id')
        batch_op.drop_index('ix_article_events_event')

    op.drop_table('article_events')
    op.drop_table('actor_roles')
    op.drop_table('actor_aliases')
    with op.batch_alter_table('failures', schema=None) as batch_op:
        batch_op.drop_index('ix_failures_source')
        batch_op.drop_index('ix_failures_article')

    op.drop_table('failures')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index('ix_events_type_earliest')
        batch_op.drop_index('ix_events_place_country')
        batch_op.drop_index('ix_events_earliest')

    op.drop_table('events')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_published')
        batch_op.drop_index('ix_articles_outlet')

    op.drop_table('articles')
    with op.batch_alter_table('actors', schema=None) as batch_op:
        batch_op.drop_index('ix_actors_country')

    op.drop_table('actors')
