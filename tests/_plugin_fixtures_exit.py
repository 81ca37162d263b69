"""A plug-in module that calls ``sys.exit()`` while it is imported.

Loading it must give a ``PluginLoadWarning``, never end the host program.
"""

from __future__ import annotations

import sys

sys.exit("the fixture plug-in exits on import")
