"""Read endpoints: events, one event with its evidence, articles, actors, facts, dyads, partners, network."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse, Response

from dateline.analysis.records import Count, DyadSummary, Network, Partner, SeriesPoint, TimelinePoint
from dateline.model import Actor, Article, Event, Fact, to_jsonable
from dateline.web import formats, params
from dateline.web.context import AppContext
from dateline.web.errors import InvalidParameter, NotFound

router = APIRouter(prefix="/api")

Start = Annotated[str | None, Query(description=f"first day of the period: {params.DATE_HELP}")]
End = Annotated[str | None, Query(description=f"last day of the period: {params.DATE_HELP}")]
Country = Annotated[str, Path(description="ISO 3166 alpha-3 code, e.g. PAK")]
Modality = Annotated[list[str] | None, Query(description=params.MODALITY_HELP)]
MinConfidence = Annotated[float | None, Query(description=params.CONFIDENCE_HELP)]


def ctx(request: Request) -> AppContext:
    return request.app.state.ctx


def ok(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(to_jsonable(data), status_code=status)


def article_meta(a: Article) -> dict[str, Any]:
    return {"id": a.id, "title": a.title, "outlet": a.outlet, "author": a.author,
            "published": a.published.isoformat() if a.published else None, "url": a.url, "source": a.source,
            "dateline": a.dateline}


def compact_event(e: Event) -> dict[str, Any]:
    """An event for lists: everything but the mention bodies, plus the first evidence sentence."""
    data = to_jsonable(e)
    mentions = data.pop("mentions")
    data["mention_count"] = len(mentions)
    data["evidence"] = mentions[0]["sentence"] if mentions else None
    return data


@router.get("/status", summary="Store counts, failures and versions")
def status(request: Request) -> JSONResponse:
    return ok(ctx(request).store.status())


@router.get("/events", summary="Merged events, filtered as in the store's EventQuery",
            responses={200: {"description": "`{total, limit, offset, sort, next_cursor, selection, events: [...]}`; "
                                            "events without mention bodies unless `mentions=true`; pass "
                                            "`next_cursor` back as `cursor` for the next page (null: the last)",
                             "content": {t: {} for t in formats.MEDIA_TYPES.values()}}})
def events(request: Request,
           dyad: Annotated[str | None, Query(description="country pair, e.g. PAK-RUS")] = None,
           directed: Annotated[bool, Query(description="dyad[0] acts, dyad[1] receives")] = False,
           actor: Annotated[str | None, Query(description="actor id (person:ishaq-dar) or ISO3 country")] = None,
           type: Annotated[list[str] | None, Query(description="PLOVER types; repeat or comma-separate")] = None,
           quad_class: Annotated[list[str] | None, Query(description="1-4; repeat or comma-separate")] = None,
           context: Annotated[list[str] | None, Query(description="PLOVER contexts")] = None,
           dimension: Annotated[list[str] | None, Query(description="partnership dimensions")] = None,
           start: Start = None, end: End = None,
           place_country: Annotated[str | None, Query(description="ISO3 country where events took place")] = None,
           outlet: Annotated[str | None, Query(description="reported by an article of this outlet (any case)")] = None,
           article: Annotated[str | None, Query(description="reported by this article (its id)")] = None,
           limit: Annotated[int, params.integer(ge=1, le=1000)] = 100,
           offset: Annotated[int, params.integer(ge=0)] = 0,
           cursor: Annotated[str | None, Query(description="next_cursor of the previous page: read on from there",
                                               max_length=2000)] = None,
           sort: Annotated[str | None, Query(description=params.SORT_HELP)] = None,
           mentions: Annotated[bool, Query(description="include every mention (sentence and spans)")] = False,
           modality: Modality = None, min_confidence: MinConfidence = None,
           format: Annotated[str | None, Query(description=formats.HELP)] = None,
           ) -> Response:
    from dateline.store.query import EventQuery
    from dateline.web import cursor as cursors

    fmt = formats.check(format)
    store = ctx(request).store
    period = params.period(start, end)
    order = params.sort(sort)
    if cursor and offset:
        raise InvalidParameter("offset", "cannot be combined with cursor (the cursor already says where to go on)")
    q = EventQuery(dyad=params.dyad(dyad), directed=directed, actor=actor,
                   types=params.event_types(type), quad_classes=params.quad_classes(quad_class),
                   contexts=params.contexts(context), dimensions=params.dimensions(dimension),
                   start=period.start, end=period.end,
                   place_country=params.optional_country(place_country, "place_country"),
                   outlet=params.outlet(outlet, store.outlets),
                   article=params.article(article, lambda a: store.get_article(a) is not None),
                   limit=limit + 1, offset=offset, sort=order,
                   after=cursors.decode(cursor, order) if cursor else None,
                   selection=params.selection(modality, min_confidence))
    if directed and q.dyad is None:
        raise InvalidParameter("directed", "needs a dyad (e.g. dyad=PAK-RUS)")
    page = store.event_page(q)                # one more than asked: is there a next page?
    more, page = len(page) > limit, page[:limit]
    next_cursor = cursors.encode(order, page[-1][1]) if more else None
    if fmt != "json":
        next_url = str(request.url.remove_query_params(["cursor", "offset"]).include_query_params(cursor=next_cursor))
        return formats.response([e for e, _ in page], fmt, store.get_articles, store.count_events(q),
                                next_url, next_cursor)
    return ok({"total": store.count_events(q), "limit": limit, "offset": offset, "sort": order,
               "next_cursor": next_cursor, "selection": q.selection.to_json(),
               "events": [to_jsonable(e) if mentions else compact_event(e) for e, _ in page]})


@router.get("/events/{event_id}", summary="One event with all its mentions (sentences, spans) and their articles",
            responses={200: {"model": Event}, 404: {"description": "no such event"}})
def event(request: Request, event_id: str) -> JSONResponse:
    store = ctx(request).store
    e = store.get_event(event_id)
    if e is None:
        raise NotFound(f"no event with id '{event_id}'")
    ids = list(dict.fromkeys(m.article_id for m in e.mentions))
    found = store.get_articles(ids)           # one query for all the event's articles
    articles = {i: article_meta(found[i]) if i in found else {"id": i} for i in ids}
    data = to_jsonable(e)
    data["articles"] = articles
    return ok(data)


@router.get("/articles/{article_id}", summary="One stored article: metadata and body text",
            responses={200: {"model": Article}, 404: {"description": "no such article"}})
def article(request: Request, article_id: str) -> JSONResponse:
    a = ctx(request).store.get_article(article_id)
    if a is None:
        raise NotFound(f"no article with id '{article_id}'")
    return ok(a)


@router.get("/actors", summary="Resolved actors", responses={200: {"model": list[Actor]}})
def actors(request: Request,
           country: Annotated[str | None, Query(description="ISO3 code, e.g. PAK")] = None,
           search: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
           limit: Annotated[int, params.integer(ge=1, le=1000)] = 100) -> JSONResponse:
    return ok(ctx(request).store.actors(country=params.optional_country(country, "country"), search=search,
                                        limit=limit))


@router.get("/facts", summary="Reported figures (trade volume, agreements signed...)",
            responses={200: {"model": list[Fact]}})
def facts(request: Request,
          dyad: Annotated[str | None, Query(description="country pair, e.g. PAK-RUS")] = None,
          country: Annotated[str | None, Query(description="ISO3 code, e.g. PAK")] = None,
          indicator: Annotated[str | None, Query(max_length=64)] = None,
          start: Start = None, end: End = None,
          limit: Annotated[int, params.integer(ge=1, le=5000)] = 1000) -> JSONResponse:
    from dateline.store.query import FactQuery

    period = params.period(start, end)
    q = FactQuery(dyad=params.dyad(dyad), country=params.optional_country(country, "country"), indicator=indicator,
                  start=period.start, end=period.end, limit=limit)
    return ok(ctx(request).store.query_facts(q))


@router.get("/countries", summary="Countries present in the store, by number of dyad events",
            responses={200: {"model": list[Count]}})
def countries(request: Request) -> JSONResponse:
    c = ctx(request)
    return ok([{"iso3": k.name, "name": c.analytics.names.name(k.name), "events": k.events} for k in c.countries()])


@router.get("/dyads/{a}/{b}/summary", summary="Everything about one country pair over a period",
            responses={200: {"model": DyadSummary}})
def dyad_summary(request: Request, a: Country, b: Country, start: Start = None, end: End = None,
                 top: Annotated[int, params.integer(ge=1, le=50, description="actors per side")] = 8,
                 modality: Modality = None, min_confidence: MinConfidence = None) -> JSONResponse:
    a, b = params.pair(a, b, "a/b")
    return ok(ctx(request).analytics.summary(a, b, params.period(start, end), top=top,
                                             selection=params.selection(modality, min_confidence)))


@router.get("/dyads/{a}/{b}/timeline", summary="Monthly and yearly series, and the events as timeline dots",
            responses={200: {"description": "`{dyad, months: [SeriesPoint], years: [SeriesPoint], "
                                            "events: [TimelinePoint]}`",
                             "model": dict[str, list[SeriesPoint] | list[TimelinePoint] | list[str]]}})
def dyad_timeline(request: Request, a: Country, b: Country, start: Start = None, end: End = None,
                  limit: Annotated[int, params.integer(ge=1, le=10000, description="most events returned")] = 2000,
                  modality: Modality = None, min_confidence: MinConfidence = None) -> JSONResponse:
    a, b = params.pair(a, b, "a/b")
    period = params.period(start, end)
    chosen = params.selection(modality, min_confidence)
    an = ctx(request).analytics
    _, months, years = an.series(a, b, period, chosen)
    return ok({"dyad": [a, b], "selection": chosen.to_json(), "months": months, "years": years,
               "events": an.timeline(a, b, period, limit, chosen)})


@router.get("/dyads/{a}/{b}/file", summary="The relationship file: visits, agreements, mechanisms, figures",
            responses={200: {"description": "`{dyad, names, start, end, n_events, visits: [...], agreements: [...], "
                                            "mechanisms: [...], figures: [...], articles: {id: {...}}}`; every row "
                                            "has the event (or fact) ids and article ids behind it"}})
def dyad_file(request: Request, a: Country, b: Country, start: Start = None, end: End = None,
              modality: Modality = None, min_confidence: MinConfidence = None) -> JSONResponse:
    from dateline.analysis.registers import relationship_file
    from dateline.analysis.registers.serialize import file_json

    a, b = params.pair(a, b, "a/b")
    return ok(file_json(relationship_file(ctx(request).store, a, b, params.period(start, end),
                                          selection=params.selection(modality, min_confidence))))


@router.get("/countries/{country}/partners", summary="A country's partners ranked by number of events",
            responses={200: {"model": list[Partner]}})
def partners(request: Request, country: Country, start: Start = None, end: End = None,
             limit: Annotated[int, params.integer(ge=1, le=300)] = 20,
             modality: Modality = None, min_confidence: MinConfidence = None) -> JSONResponse:
    return ok(ctx(request).analytics.partners(params.country(country), params.period(start, end), limit,
                                              params.selection(modality, min_confidence)))


@router.get("/network", summary="Countries and the dyads between them for a period",
            responses={200: {"model": Network}})
def network(request: Request, start: Start = None, end: End = None,
            min_events: Annotated[int, params.integer(ge=1)] = 1,
            limit: Annotated[int, params.integer(ge=1, le=5000, description="most edges returned")] = 200,
            modality: Modality = None, min_confidence: MinConfidence = None) -> JSONResponse:
    return ok(ctx(request).analytics.network(params.period(start, end), min_events, limit,
                                             params.selection(modality, min_confidence)))
