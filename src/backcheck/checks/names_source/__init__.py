"""Names compared across the source and the translation, sentence pair by sentence pair.

One module per check; importing this package registers them all. The language analysis they
share (how names correspond across the source and English, acronyms, institutions, spelling,
case endings) lives in :mod:`backcheck.lang.names`, the Serbo-Croatian word lists in
``lang/data/sh.toml``.
"""

from __future__ import annotations

# registration order does not matter: all_checks() sorts the registry by id
from backcheck.checks.names_source import dropped, replaced, source_case, transliterated, unmatched  # noqa: F401
