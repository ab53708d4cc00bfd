"""English function words that carry no claim on their own."""

STOP_WORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not of off on once one only or other our ours
    ourselves out over own same she should so some such than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with would you your yours yourself yourselves
    s t d ll m re ve y ago amid among around via per whose whether yet may might must shall
    said says say saying told tell according reported reports report reportedly mr mrs ms dr
    monday tuesday wednesday thursday friday saturday sunday today yesterday week weeks day
    days year years month months last earlier later new ongoing including include includes like
    well even still just however although though
    """.split()
)

# Attribution and reporting words: outlets attribute the same claim differently ("according to
# Suspilne", "intelligence sources cited by the broadcaster"), so these must not make a match.
ATTRIBUTION_WORDS = frozenset(
    """
    according claim claims claimed indicate indicates indicated reveal reveals revealed cite
    cites cited citing confirm confirms confirmed stated announce announced add added note
    noted told tells statement statements reporting reporter
    """.split()
)

# Complex prepositions work as one function word: the noun inside "in support of" or "in the
# wake of" is not what the sentence is about, so it must not make a match ("pledging to support
# each other" / "troops sent in support of Moscow's invasion"). Each ends with the preposition
# that follows its last content word; the tokens mark that word as part of the phrase.
COMPLEX_PREPOSITIONS = (
    "in support of", "on behalf of", "in addition to", "in front of", "in spite of",
    "in case of", "in terms of", "in favour of", "in favor of", "in response to", "in light of",
    "in charge of", "by means of", "with regard to", "in regard to", "in view of",
    "in accordance with", "as a result of", "in the wake of", "in connection with",
    "in place of", "on top of", "by way of", "for the sake of", "in relation to",
    "with respect to", "in the face of", "in the midst of", "at the hands of", "in the event of",
    "in exchange for", "in return for", "in line with", "in the course of", "in the name of",
    "in the absence of", "in excess of", "ahead of", "instead of", "prior to", "due to",
    "thanks to", "apart from", "regardless of", "owing to",
)  # fmt: skip
