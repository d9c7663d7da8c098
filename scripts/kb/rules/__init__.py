"""Rule modules. Importing this package registers every rule in RULES."""

from importlib import import_module
from pathlib import Path

# Each module in this folder registers its rules with @rule when imported.
for _module in sorted(Path(__file__).parent.glob("*.py")):
    if _module.stem != "__init__":
        import_module(f"{__name__}.{_module.stem}")
