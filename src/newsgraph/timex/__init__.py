"""Temporal expressions: a data-driven grammar, normalisers to TIMEX3 values, reference dates.

``newsgraph.pipeline.times`` wraps :class:`TimeTagger` as the ``newsgraph_times`` spaCy component;
the tagger itself needs only text (and, optionally, sentence spans with tense cues).
"""

from .tagger import Sentence, TaggedTime, TagResult, TimeTagger, tagger_for

__all__ = ["Sentence", "TagResult", "TaggedTime", "TimeTagger", "tagger_for"]
