"""A cheaper test for PySide6's per-module import check.

Once PySide6 is loaded, every module imported after it is checked for whether it uses
PySide6, for PySide6's opt-in ``from __feature__ import snake_case, true_property`` switching:
the check reads the module's whole source file (``inspect.getsource``) and looks for the word
"PySide6". On the desk's start-up that is over four hundred source files read and kept in
memory, a tenth of the import time. :func:`install` replaces the check by a look at what the
freshly imported module holds: a module that uses PySide6 at run time has imported a Qt
module or class. The desk selects no feature; the answer only decides whether a module takes
part in the switching at all.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

#: Where PySide6 keeps the check (its private support module; absent: nothing to do).
FEATURE_MODULE = "PySide6.support.feature"


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module``, a Python source module, holds a Qt module or class (a module
    that uses Qt objects at run time imports their classes or modules). Built-in and
    compiled modules count as not using it, as for PySide6's own check, which finds no
    source to read in them."""
    if not str(getattr(module, "__file__", None) or "").endswith(".py"):
        return False
    for value in list(vars(module).values()):
        if isinstance(value, ModuleType):
            origin = value.__name__
        elif isinstance(value, type):
            origin = value.__module__
        else:
            continue
        if isinstance(origin, str) and origin.startswith("PySide6"):
            return True
    return False


def install() -> bool:
    """Use :func:`uses_pyside` for PySide6's check from now on; whether it could."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        log.debug("PySide6's feature check not found; left as it is")
        return False
    setattr(feature, "_mod_uses_pyside", uses_pyside)  # noqa: B010 (a private name)
    return True
