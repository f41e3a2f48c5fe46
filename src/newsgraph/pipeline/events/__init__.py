"""The event layer (``newsgraph_events``), a package whose modules name its parts.

- :mod:`.lexicon`: the trigger words, frames and status cues of a language (``resources/<lang>/events*.toml``);
- :mod:`.args`: the document index (clauses, quotes, entity mentions) and the argument finders;
- :mod:`.status`: whether an event happened, is planned, possible, cancelled or denied;
- :mod:`.mentions`: each trigger with its participants, place, time and status;
- :mod:`.merge`: mentions of one happening become one event;
- :mod:`.layer`: the spaCy component, the ``Event`` records and the link from quotes to events.
"""

from .layer import EventLayer, link_quotes, make_event_layer

__all__ = ["EventLayer", "link_quotes", "make_event_layer"]
