"""Web pages written for the tests: a made-up news story in the markup real sites use."""

from __future__ import annotations

from collections.abc import Sequence

STORY = (
    "The Harbour Bridge in Port Ellis reopened to traffic on Tuesday morning, eleven weeks "
    "after a winter storm tore away part of its northern railing and damaged two support "
    "cables, the city's transport office said.",
    "Engineers replaced 140 metres of railing and both cables, working in night shifts so that "
    "the ferry service below could keep running. The repairs cost 3.2 million euros, about "
    "half a million more than the first estimate published in January.",
    "Mayor Ines Varga thanked the crews and said the bridge would be inspected every spring "
    "from now on. Residents of the northern districts had faced detours of up to forty minutes "
    "while the crossing was closed.",
    "Local shop owners near the bridge said trade had fallen by a third during the closure and "
    "asked the council for help with rents, a request the council will discuss next month.",
)

NAVIGATION = "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
FOOTER = "<footer><p>Copyright 2024 Test Gazette. All rights reserved.</p></footer>"


def article_page(
    title: str = "Harbour Bridge reopens after storm repairs",
    paragraphs: Sequence[str] = STORY,
    *,
    head: str = '<meta charset="utf-8">',
    site: str = "Test Gazette",
    author: str = "Dana Whitfield",
    date: str = "2024-03-12",
    canonical: str = "https://gazette.example/news/harbour-bridge-reopens",
    extra_body: str = "",
) -> str:
    """A complete news page around the given paragraphs, with the usual metadata tags."""
    body = "\n".join(f"<p>{text}</p>" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
{head}
<title>{title} | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:title" content="{title}">
<meta name="author" content="{author}">
<meta property="article:published_time" content="{date}T08:30:00Z">
<link rel="canonical" href="{canonical}">
</head>
<body>
{NAVIGATION}
<article>
<h1>{title}</h1>
{body}
{extra_body}
</article>
{FOOTER}
</body>
</html>
"""


def structured_page() -> str:
    """A page with a subheading, a list, a block quote and a table inside the article."""
    extra = """
<h2>What changed</h2>
<ul><li>New steel railing on the north side</li><li>Two replaced support cables</li></ul>
<blockquote><p>We did not close the ferry for a single day, and that mattered to us.</p></blockquote>
<table>
<tr><th>Item</th><th>Cost</th></tr>
<tr><td>Railing</td><td>1.1 million euros</td></tr>
<tr><td>Cables</td><td>2.1 million euros</td></tr>
</table>
<p>Markup such as *stars*, [brackets] and &lt;tags&gt; stays as typed.</p>
"""
    return article_page(extra_body=extra)
