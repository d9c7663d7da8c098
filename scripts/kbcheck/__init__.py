"""Docs checks for the knowledge base.

One parsed model of the docs (model.py) is read by every rule (rules/); each rule
is a small function returning findings with a stable code; report.py formats
them. Entry point: scripts/check.py (`make check`).
"""
