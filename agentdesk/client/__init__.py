"""The desktop's connection to a backend: REST, event stream, outbox, cache, credentials.

No Qt widgets here: the GUI binds to these objects through its view models.
"""

import sys

# httpx imports its command line (click, rich, pygments: about 150 ms) when they are
# installed; the desktop never runs it. A ``None`` in ``sys.modules`` makes that import
# fail as "not installed", which httpx handles by leaving its CLI out.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
