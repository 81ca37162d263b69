"""A plug-in module whose import is interrupted (Ctrl-C while it loads).

``KeyboardInterrupt`` is the user's, not the plug-in's: discovery lets it through
and registers nothing.
"""

from __future__ import annotations

raise KeyboardInterrupt
