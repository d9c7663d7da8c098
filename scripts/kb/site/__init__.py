"""The one model of the site that every tool reads.

- config.py: the MkDocs configs, read once each, INHERIT resolved once, with
  the line of every key;
- frontmatter.py: splitting and reading a page's front matter;
- pages.py: a page's URL, language and twin;
- model.py: the parsed docs (pages, headings, links, nav), built on the three.
"""
