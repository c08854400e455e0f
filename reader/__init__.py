"""newsreader: read one news story across several outlets.

The pipeline, one module (or package) per step, none of them importing Textual:

    ingest  -> reader.ingest      bytes on disk / stdin -> decoded, neutralised text
    clean   -> reader.clean       raw text -> Article (body paragraphs, metadata, removed lines)
    segment -> reader.segment     cleaned text -> sentences with character offsets
    align   -> reader.align       two texts -> Alignment (pairs, unique passages, rows to draw)
    diff    -> reader.diff        two aligned passages -> word-level DiffOps
    present -> reader.render (rich, CLI) and reader.ui (Textual app)
"""

__version__ = "0.1.0"
