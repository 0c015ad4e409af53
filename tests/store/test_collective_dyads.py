"""A collective actor's code (up to 8 characters: ECOWAS) is a dyad side on every backend; the
columns that hold one were 3 characters wide before migration 0004."""
from __future__ import annotations


def test_the_wider_codes_fit_on_every_backend(store_url):
    """A dyad side of up to 8 characters (ECOWAS) is stored on PostgreSQL too (its columns were 3 wide)."""
    from dateline.model import Actor
    from dateline.store import open_store
    from dateline.store.synthetic import make_extraction

    ex = make_extraction(1, events_per_article=1)
    ex.events[0].actors = [Actor(id="igo:ecowas", name="ECOWAS", kind="igo", sector="IGO")]
    ex.events[0].recipients = [Actor(id="country:NGA", name="Nigeria", kind="country", country="NGA")]
    store = open_store(store_url)
    try:
        store.add(ex)
        from dateline.store.query import EventQuery
        found = store.query_events(EventQuery(dyad=("ECOWAS", "NGA")))
        assert [e.id for e in found] == [ex.events[0].id]
    finally:
        store.close()


def test_a_store_of_revision_0003_is_widened_with_its_data(store_url):
    """Down to 0003 and up again: the rows stay, and the dyads read as before."""
    from alembic import command

    from dateline.store import open_store
    from dateline.store.engine import alembic_config, head_revision
    from dateline.store.synthetic import make_extraction

    store = open_store(store_url)
    store.add(make_extraction(1, events_per_article=3))
    before = sorted(e.id for e in store.query_events())
    with store.engine.begin() as conn:
        command.downgrade(alembic_config(conn), "0003")
    store.close()
    again = open_store(store_url)           # migrates to the head revision again
    try:
        assert again.status().schema_revision == head_revision()
        assert sorted(e.id for e in again.query_events()) == before and len(before) == 3
    finally:
        again.close()
