"""What b24desk remembers between runs: paths, connection profiles, secrets and settings.

Import from the modules (`settings.paths`, `.profiles`, `.secrets`, `.store`); nothing here.
"""
