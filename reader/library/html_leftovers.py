"""What trafilatura left out of a page, listed as removed lines (reason ``outside-article``).

trafilatura keeps a page's main content and drops the rest (menus, cookie banners, share bars,
"most read" lists, comments, asides) without a word: an article imported from the web said
"1 line removed" though half the page was gone (QA), and a reader could not check that nothing
of the story went with it. Every visible block of the page that is in neither the kept text nor
the cleaner's removed lines is listed, in page order, where it stood.
"""

from __future__ import annotations

from reader.model import Article, RemovedLine

LEFT_OUT_REASON = "outside-article"
# Bounds the block-by-block search on pathological pages (a 1.4 MB page of 20,000 menu links:
# listing them all adds no measurable time); pages over 2 MB are not listed at all (html.py).
MAX_PAGE_BLOCKS = 50_000


def list_left_out(article: Article, page_blocks: list[str], title: str | None) -> None:
    """Add to ``article.removed`` each of ``page_blocks`` (the page's visible text, block by
    block) that the article does not account for."""
    if len(page_blocks) > MAX_PAGE_BLOCKS:
        return
    kept = {_key(p): k for k, p in enumerate(article.paragraphs)}
    # The text the article accounts for, in page order (kept and removed lines interleaved,
    # as they stood), so that a block trafilatura split in two lines ("Related:" / "Grid
    # upgrade delayed") is still found whole, and a table row ("Day | Hectares") too.
    removed_at: dict[int, list[str]] = {}
    for line in article.removed:
        removed_at.setdefault(line.position, []).append(line.text)
    ordered = [title or ""]
    for k, paragraph in enumerate(article.paragraphs):
        ordered += removed_at.pop(k, [])
        ordered.append(paragraph)
    for rest in removed_at.values():
        ordered += rest
    everything = " ".join(map(_key, ordered))
    position = 0
    left_out: list[RemovedLine] = []
    for block in page_blocks:
        key = _key(block)
        if key in kept:
            position = kept[key] + 1
            continue
        if not key or key in everything:
            continue
        left_out.append(RemovedLine(block, LEFT_OUT_REASON, position))
    if left_out:
        article.removed.extend(left_out)
        article.removed.sort(key=lambda line: line.position)  # stable: the cleaner's order stays


def _key(text: str) -> str:
    """Text as compared here: table cell bars and runs of white space as one space."""
    return " ".join(text.replace("|", " ").split())
