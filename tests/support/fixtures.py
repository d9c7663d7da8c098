"""Constants of the tiny fixture trees the rule tests build (tests/conftest.py)."""

# The one source every fixture tree's data/sources.yml defines, unless a test
# writes its own registry.
FIXTURE_SOURCE = "sc-help-fixture"
