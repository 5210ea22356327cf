"""The one exception a bad input raises: its message is the cause shown to the user."""


class IngestError(Exception):
    """A file that cannot be read: empty, corrupt, encrypted, unsupported, too large, …"""
