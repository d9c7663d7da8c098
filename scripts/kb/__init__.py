"""The knowledge base's own tools, one package with one CLI (`python -m kb`).

- site/: the one parsed model of the project: the MkDocs config (INHERIT
  resolved once), front matter, pages with their URL, language and twin.
- rules/: the docs checks, one module per rule family, named by code prefix
  (FM001 lives in rules/fm_front_matter.py).
- build/: the steps that run after `mkdocs build`, in one ordered list.
- markdown/: Python-Markdown extensions the builds load.
- check.py, scaffold.py, contributing.py, linkcheck.py: the CLI's commands.
"""

from pathlib import Path

# The repository: scripts/kb/__init__.py -> the folder holding mkdocs.yml.
ROOT = Path(__file__).resolve().parents[2]
