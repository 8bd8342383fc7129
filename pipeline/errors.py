"""The project's own error types: everything a bad input may raise is one of these."""


class TalksError(Exception):
    """Base class of every error the pipeline reports about an input."""


class ExtractionError(TalksError):
    """A document could not be read for talks (malformed, truncated, encrypted, ...)."""


class SniffError(TalksError):
    """A file is none of the formats the pipeline reads."""


class UsageError(TalksError):
    """The command line or the configuration is wrong (exit status 2)."""
