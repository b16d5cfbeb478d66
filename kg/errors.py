"""The one exception type the command line turns into a one-line message and an exit code."""


class KgError(Exception):
    """A problem with the user's input or environment, stated in one line per problem."""

    exit_code = 1
