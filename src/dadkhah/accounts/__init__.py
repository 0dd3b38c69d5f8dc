"""Accounts of responsibility: who did what, in which post, on what evidence.

Entities (persons, organisations, posts, sites, events, acts), claims about them with citations
into sources, the chain of command on a given day, a person's timeline, contested figures,
bulk import, Popolo and GeoJSON exports, and mentions of entities in documents.
"""

from dadkhah.accounts.bulk import import_accounts
from dadkhah.accounts.chain import chain
from dadkhah.accounts.claims import add_citation, add_claim, get_claim, list_claims, set_status
from dadkhah.accounts.entities import (
    add_act,
    add_event,
    add_organization,
    add_person,
    add_post,
    add_site,
    get_entity,
    list_entities,
    resolve,
)
from dadkhah.accounts.exports import geojson_sites, popolo
from dadkhah.accounts.figures import contested_figures
from dadkhah.accounts.sources import add_source, find_source
from dadkhah.accounts.timeline import timeline

__all__ = [
    "add_act",
    "add_citation",
    "add_claim",
    "add_event",
    "add_organization",
    "add_person",
    "add_post",
    "add_site",
    "add_source",
    "chain",
    "contested_figures",
    "find_source",
    "geojson_sites",
    "get_claim",
    "get_entity",
    "import_accounts",
    "list_claims",
    "list_entities",
    "popolo",
    "resolve",
    "set_status",
    "timeline",
]
