"""Python-Markdown extensions the builds load by name from mkdocs.yml
(`markdown_extensions: kb.markdown.citations: {...}`). Extensions, not MkDocs
plugins or hooks, so that Zensical, which runs Python-Markdown extensions,
builds the same pages."""
