"""The pure core of reader, one package per stage of the data flow.

Files go into ``documents`` (decoded, parsed, segmented), documents into ``matching`` (the
passages that tell the same claim), matches into ``provenance`` (who says so, is it one
source, does a detail differ), and notes into ``export`` (a memo, CSV, JSON, Web
Annotations). Nothing here imports Textual or Rich; the command line and the tests use it
directly.
"""
