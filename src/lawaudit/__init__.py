"""lawaudit: audit the numbers in Chinese government reports."""

__version__ = "0.1.0"


def __getattr__(name: str):
    """`lawaudit.audit_text` and `lawaudit.audit_path` (api.py), imported on first use so that
    `import lawaudit` stays cheap."""
    if name in ("audit_text", "audit_path"):
        from lawaudit import api

        return getattr(api, name)
    raise AttributeError(f"module 'lawaudit' has no attribute {name!r}")


__all__ = ["__version__", "audit_path", "audit_text"]  # lazy: see __getattr__
