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
# A page with more blocks than this (a giant table, a feed dump) is not listed block by block:
# each block is searched for in the kept text, and that search must stay cheap.
MAX_PAGE_BLOCKS = 5000


def list_left_out(article: Article, page_blocks: list[str], title: str | None) -> None:
    """Add to ``article.removed`` each of ``page_blocks`` (the page's visible text, block by
    block) that the article does not account for."""
    if len(page_blocks) > MAX_PAGE_BLOCKS:
        return
    kept = {" ".join(p.split()): k for k, p in enumerate(article.paragraphs)}
    accounted = set(kept) | {" ".join(r.text.split()) for r in article.removed}
    if title:
        accounted.add(" ".join(title.split()))
    # Lines trafilatura joined or cut differently are found inside the text it kept.
    everything = "\n".join(accounted)
    position = 0
    left_out: list[RemovedLine] = []
    for block in page_blocks:
        if block in kept:
            position = kept[block] + 1
            continue
        if block in accounted or block in everything:
            continue
        left_out.append(RemovedLine(block, LEFT_OUT_REASON, position))
    if left_out:
        article.removed.extend(left_out)
        article.removed.sort(key=lambda line: line.position)  # stable: the cleaner's order stays
