"""Short, safe echoes of user input for error messages.

Error messages name the value that broke a rule, but a hostile or huge input
must not be echoed in full: :func:`echo` cuts the ``repr`` to about 80
characters, with an ellipsis, so a 1 MB string gives a one-line message.

Examples
--------
>>> echo("IOP")
"'IOP'"
>>> len(echo("x" * 1_000_000))
80
>>> echo("x" * 1_000_000).endswith("...'")
True
"""

from __future__ import annotations

__all__ = ["ECHO_LIMIT", "echo"]

#: The longest echo of a user's value that a message carries.
ECHO_LIMIT = 80


def echo(value: object, limit: int = ECHO_LIMIT) -> str:
    """The ``repr`` of *value*, cut to at most *limit* characters with ``...``.

    Parameters
    ----------
    value:
        Anything a user passed.  Strings and bytes are sliced before ``repr``
        so a huge input costs nothing to echo.
    limit:
        The longest result, at least 8.

    Returns
    -------
    str
        ``repr(value)``, or its head followed by ``...`` and the closing quote.

    Examples
    --------
    >>> echo(3.5)
    '3.5'
    >>> echo("a" * 100, limit=12)
    "'aaaaaaa...'"
    """
    limit = max(limit, 8)
    if isinstance(value, str | bytes) and len(value) > limit:
        head = repr(value[:limit])
        quote = head[-1]
        return head[: limit - 4] + "..." + quote
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not break an error message
        text = f"<{type(value).__name__} object>"
    if len(text) > limit:
        return text[: limit - 3] + "..."
    return text
